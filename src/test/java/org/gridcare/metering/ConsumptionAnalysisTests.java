package org.gridcare.metering;

import java.time.LocalDate;

import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.organisation.OrgUnitKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.gridcare.ApiRequests.asAdmin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A household in May 2024 with numbers chosen so that every figure of the analysis can be worked out by
 * hand: hourly readings of 0.5 kWh on weekdays (12 kWh a day) and 1 kWh at weekends (24 kWh a day), a
 * spike on Monday 20 May (3 kWh every hour, 72 kWh), nothing used 25–27 May, no data on 29 May; monthly
 * register reads with peak and valley registers; two neighbours of the same kind at 10 and 30 kWh a day.
 */
@GridCareTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumptionAnalysisTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;

    MeteringWorld world;
    String household;
    String meter;

    @BeforeAll
    void may2024() throws Exception {
        world = new MeteringWorld(mvc);
        String station = Fixtures.unique("MA");
        fixtures.unit(station, OrgUnitKind.SUPPLY_STATION, "HQ");
        household = world.customer("RESIDENTIAL", station);
        String quiet = world.customer("RESIDENTIAL", station);
        String busy = world.customer("RESIDENTIAL", station);
        String shop = world.customer("COMMERCIAL", station);
        meter = Fixtures.unique("AH");
        String quietMeter = Fixtures.unique("AQ");
        String busyMeter = Fixtures.unique("AB");
        String shopMeter = Fixtures.unique("AS");
        world.meter(household, meter, "1", "2023-01-01", null);
        world.meter(quiet, quietMeter, "1", "2023-01-01", null);
        world.meter(busy, busyMeter, "1", "2023-01-01", null);
        world.meter(shop, shopMeter, "1", "2023-01-01", null);

        StringBuilder intervals = new StringBuilder("meterNumber,start,minutes,kwh\n");
        for (LocalDate day = LocalDate.of(2024, 5, 1); day.getMonthValue() == 5; day = day.plusDays(1)) {
            int dayOfMonth = day.getDayOfMonth();
            boolean weekend = day.getDayOfWeek().getValue() >= 6;
            if (dayOfMonth != 29) {
                for (int hour = 0; hour < 24; hour++) {
                    String kwh = dayOfMonth == 20 ? "3" : dayOfMonth >= 25 && dayOfMonth <= 27 ? "0" : weekend ? "1" : "0.5";
                    intervals.append("%s,%sT%02d:00,60,%s\n".formatted(meter, day, hour, kwh));
                }
            }
            intervals.append("%s,%sT00:00,60,10\n".formatted(quietMeter, day));
            intervals.append("%s,%sT00:00,60,30\n".formatted(busyMeter, day));
            intervals.append("%s,%sT00:00,60,100\n".formatted(shopMeter, day));
        }
        world.importAndWait("INTERVAL", intervals.toString());
        world.importAndWait("REGISTER", """
                meterNumber,readAt,total,criticalPeak,peak,flat,valley,reactiveKvarh,maxDemandKw
                %1$s,2023-05-01,1000,,400,,600,,
                %1$s,2023-06-01,1300,,580,,720,,
                %1$s,2024-04-01,5000,,1750,,3250,,
                %1$s,2024-05-01,5400,,2000,,3400,,
                %1$s,2024-06-01,5900,,2300,,3600,,
                """.formatted(meter));
    }

    @Test
    void analysisOfAMonthWorkedOutByHand() throws Exception {
        mvc.perform(get("/api/v1/customers/{n}/consumption/analysis", household).with(asAdmin())
                        .param("from", "2024-05-01").param("to", "2024-05-31"))
                .andExpect(status().isOk())
                // 30 days with data; the month from the registers: 5900 - 5400 = 500 kWh
                .andExpect(jsonPath("$.daily.length()").value(30))
                .andExpect(jsonPath("$.daily[0].kwh").value(12))
                .andExpect(jsonPath("$.daily[3].kwh").value(24))
                .andExpect(jsonPath("$.monthly.length()").value(1))
                .andExpect(jsonPath("$.monthly[0].kwh").value(500))
                .andExpect(jsonPath("$.monthly[0].source").value("REGISTER"))
                // April 5400 - 5000 = 400: +25 %; May 2023 1300 - 1000 = 300: +66.7 %
                .andExpect(jsonPath("$.monthOnMonth.comparedWith").value("2024-04"))
                .andExpect(jsonPath("$.monthOnMonth.previousKwh").value(400))
                .andExpect(jsonPath("$.monthOnMonth.percent").value(25.0))
                .andExpect(jsonPath("$.yearOnYear.comparedWith").value("2023-05"))
                .andExpect(jsonPath("$.yearOnYear.percent").value(66.7))
                // May: peak 2300 - 2000 = 300, valley 3600 - 3400 = 200: 60 % and 40 %
                .andExpect(jsonPath("$.touShares.peak").value(60.0))
                .andExpect(jsonPath("$.touShares.valley").value(40.0))
                .andExpect(jsonPath("$.touShares.flat").value(0.0))
                // weekends with data: 4, 5, 11, 12, 18, 19 at 1 kWh and 25, 26 at 0 in each hour: 6 / 8 = 0.75;
                // weekdays: 22 (29 May has no data), 20 at 0.5, 20 May at 3, 27 May at 0: 13 / 22 = 0.5909
                .andExpect(jsonPath("$.loadProfile.weekendDays").value(8))
                .andExpect(jsonPath("$.loadProfile.weekdays").value(22))
                .andExpect(jsonPath("$.loadProfile.weekend[0]").value(0.75))
                .andExpect(jsonPath("$.loadProfile.weekday[0]").value(0.5909))
                // the spike's hours: 3 kWh in 60 minutes is 3 kW
                .andExpect(jsonPath("$.peakDemand.kw").value(3))
                .andExpect(jsonPath("$.peakDemand.period").value("2024-05-20"))
                // peers are compared by whole months (the monthly rollup), registers first: the May register
                // difference 5900 - 5400 = 500 kWh over the 31 days between the reads = 16.129 a day (the
                // half-hours alone would say 456 kWh over 30 days = 15.2); among 10, 16.129 and 30 (the shop is
                // another kind): median 16.129, at or above 2 of 3
                .andExpect(jsonPath("$.peers.customers").value(3))
                .andExpect(jsonPath("$.peers.averageDailyKwh").value(16.129))
                .andExpect(jsonPath("$.peers.medianDailyKwh").value(16.129))
                .andExpect(jsonPath("$.peers.percentile").value(66.7))
                // the spike against a median of 12; the weekends' 24 kWh are within the normal range
                .andExpect(jsonPath("$.anomalies.length()").value(3))
                .andExpect(jsonPath("$.anomalies[0].kind").value("SPIKE"))
                .andExpect(jsonPath("$.anomalies[0].from").value("2024-05-20"))
                .andExpect(jsonPath("$.anomalies[0].expected").value(12.0))
                .andExpect(jsonPath("$.anomalies[1].kind").value("ZERO_RUN"))
                .andExpect(jsonPath("$.anomalies[1].from").value("2024-05-25"))
                .andExpect(jsonPath("$.anomalies[1].to").value("2024-05-27"))
                .andExpect(jsonPath("$.anomalies[2].kind").value("GAP"))
                .andExpect(jsonPath("$.anomalies[2].from").value("2024-05-29"));
    }
}
