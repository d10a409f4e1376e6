package org.gridcare.metering;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.organisation.OrgUnitKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.ApiRequests.asAdmin;
import static org.gridcare.ApiRequests.auditActions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@GridCareTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeterReadingImportTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    MeteringWorld world;
    String station;

    @BeforeAll
    void organisation() {
        world = new MeteringWorld(mvc);
        station = Fixtures.unique("MT");
        fixtures.unit(station, OrgUnitKind.SUPPLY_STATION, "HQ");
    }

    static byte[] resource(String name) throws Exception {
        try (InputStream in = MeterReadingImportTests.class.getResourceAsStream("/metering/" + name)) {
            return in.readAllBytes();
        }
    }

    long storedIntervals(String meterNumber) {
        return jdbc.sql("""
                select count(*) from meter_interval where meter_id = (select id from meter where meter_number = :m)
                """).param("m", meterNumber).query(Long.class).single();
    }

    long storedRegisters(String meterNumber) {
        return jdbc.sql("""
                select count(*) from meter_register where meter_id = (select id from meter where meter_number = :m)
                """).param("m", meterNumber).query(Long.class).single();
    }

    @Test
    void realSmartMeterDataImportsOnceAndItsSeriesAddUpByHand() throws Exception {
        String first = world.customer("RESIDENTIAL", station);
        String second = world.customer("RESIDENTIAL", station);
        world.meter(first, "SGSC-10006414", "1", "2013-01-01", null);
        world.meter(second, "SGSC-10006486", "1", "2013-01-01", null);

        String report = world.importAndWait("INTERVAL", "sgsc-interval.csv", resource("sgsc-interval-2013-06-01_07.csv"));
        assertThat(JsonPath.<String>read(report, "$.status")).isEqualTo("DONE");
        assertThat(JsonPath.<Integer>read(report, "$.rowsRead")).isEqualTo(672);
        assertThat(JsonPath.<Integer>read(report, "$.rowsAccepted")).isEqualTo(672);
        assertThat(JsonPath.<Integer>read(report, "$.rowsRejected")).isZero();
        assertThat(JsonPath.<Integer>read(report, "$.percent")).isEqualTo(100);

        // the source's own daily file says 8.541 kWh from 48 half-hours on 2013-06-01 (sgsc_10hh_daily)
        mvc.perform(get("/api/v1/customers/{n}/consumption", first).with(asAdmin())
                        .param("from", "2013-06-01").param("to", "2013-06-02").param("granularity", "DAY"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.series.length()").value(2))
                .andExpect(jsonPath("$.series[0].period").value("2013-06-01"))
                .andExpect(jsonPath("$.series[0].kwh").value(8.541))
                .andExpect(jsonPath("$.series[0].intervalPoints").value(48))
                .andExpect(jsonPath("$.series[0].source").value("INTERVAL"))
                .andExpect(jsonPath("$.series[1].kwh").value(7.021));
        // the second household's seven days: 336 half-hours adding up to 35.974 kWh
        mvc.perform(get("/api/v1/customers/{n}/consumption", second).with(asAdmin())
                        .param("from", "2013-06-01").param("to", "2013-06-30").param("granularity", "MONTH"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.series.length()").value(1))
                .andExpect(jsonPath("$.series[0].period").value("2013-06"))
                .andExpect(jsonPath("$.series[0].kwh").value(35.974))
                .andExpect(jsonPath("$.series[0].intervalPoints").value(336));

        String again = world.importAndWait("INTERVAL", "sgsc-interval.csv", resource("sgsc-interval-2013-06-01_07.csv"));
        assertThat(JsonPath.<String>read(again, "$.status")).isEqualTo("DONE");
        assertThat(JsonPath.<Integer>read(again, "$.rowsAccepted")).isZero();
        assertThat(JsonPath.<Integer>read(again, "$.rowsUnchanged")).isEqualTo(672);
        assertThat(storedIntervals("SGSC-10006414")).isEqualTo(336);
        assertThat(jdbc.sql("""
                select sum(kwh_e4) from meter_interval_day where meter_id = (select id from meter where meter_number = 'SGSC-10006414')
                """).query(Long.class).single()).as("re-import adds nothing to the daily sums").isEqualTo(
                jdbc.sql("""
                        select sum(kwh_e4) from meter_interval where meter_id = (select id from meter where meter_number = 'SGSC-10006414')
                        """).query(Long.class).single());

        String registers = world.importAndWait("REGISTER", "sgsc-register.csv", resource("sgsc-register-2013-06_07.csv"));
        assertThat(JsonPath.<Integer>read(registers, "$.rowsAccepted")).isEqualTo(62);
        // June: 10468.166 - 10000.000 = 468.166 kWh; July: 10961.002 - 10468.166 = 492.836 kWh
        mvc.perform(get("/api/v1/customers/{n}/consumption", first).with(asAdmin())
                        .param("from", "2013-06-01").param("to", "2013-07-31").param("granularity", "MONTH"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.series[0].period").value("2013-06"))
                .andExpect(jsonPath("$.series[0].kwh").value(468.166))
                .andExpect(jsonPath("$.series[0].source").value("REGISTER"))
                .andExpect(jsonPath("$.series[1].kwh").value(492.836));
        // a day from the registers equals the same day from the half-hours
        mvc.perform(get("/api/v1/customers/{n}/consumption", first).with(asAdmin())
                        .param("from", "2013-06-01").param("to", "2013-06-01"))
                .andExpect(jsonPath("$.series[0].kwh").value(8.541))
                .andExpect(jsonPath("$.series[0].source").value("REGISTER"));
        String registersAgain = world.importAndWait("REGISTER", "sgsc-register.csv", resource("sgsc-register-2013-06_07.csv"));
        assertThat(JsonPath.<Integer>read(registersAgain, "$.rowsUnchanged")).isEqualTo(62);
        assertThat(storedRegisters("SGSC-10006414")).isEqualTo(62);

        long id = JsonPath.<Number>read(registers, "$.id").longValue();
        assertThat(auditActions(mvc, ReadingImportJob.ENTITY, String.valueOf(id)))
                .contains("METER_READINGS_IMPORT_REQUESTED", "METER_READINGS_IMPORTED");
    }

    @Test
    void everyRejectedIntervalRowIsReportedAndOnlyTheGoodRowsAreStored() throws Exception {
        String customer = world.customer("COMMERCIAL", station);
        String meter = Fixtures.unique("IM");
        world.meter(customer, meter, "1", "2024-01-01", null);
        world.importAndWait("INTERVAL", """
                meterNumber,start,minutes,kwh
                %1$s,2024-03-01T00:00:00+08:00,15,1.5
                """.formatted(meter));

        String report = world.importAndWait("INTERVAL", """
                meterNumber,start,minutes,kwh
                %1$s,2024-03-01T00:15:00+08:00,15,1.25
                NO-SUCH-METER,2024-03-01T00:15:00+08:00,15,1
                %1$s,2024-03-01 00:30,15,-0.5
                %1$s,2024-03-01T24:45:00,15,1
                %1$s,2024-03-01T00:45:00,15,1,2x
                %1$s,2024-03-01T01:00:00,15,abc
                %1$s,2024-03-01T01:00:00,20,1
                %1$s,2024-03-01T00:00:00+08:00,15,1.6
                %1$s,2024-03-01T00:15:00+08:00,15,1.26
                %1$s,2024-03-01T00:15:00+08:00,15,1.25
                %1$s,2023-12-31T23:45:00+08:00,15,1
                %1$s,2024-02-29T16:30:00Z,15,0.75
                """.formatted(meter));
        assertThat(JsonPath.<String>read(report, "$.status")).isEqualTo("DONE");
        assertThat(JsonPath.<Integer>read(report, "$.rowsRead")).isEqualTo(12);
        assertThat(JsonPath.<Integer>read(report, "$.rowsAccepted")).isEqualTo(2);
        assertThat(JsonPath.<Integer>read(report, "$.rowsUnchanged")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(report, "$.rowsRejected")).isEqualTo(9);
        Map<Integer, String> codes = Map.of(3, "UNKNOWN_METER", 4, "NEGATIVE_VALUE", 5, "MALFORMED_TIME",
                6, "WRONG_COLUMN_COUNT", 7, "MALFORMED_NUMBER", 8, "INVALID_MINUTES", 9, "DUPLICATE_CONFLICT",
                10, "DUPLICATE_CONFLICT", 12, "METER_NOT_IN_SERVICE");
        List<Integer> lines = JsonPath.read(report, "$.problems[*].line");
        List<String> reported = JsonPath.read(report, "$.problems[*].code");
        List<String> fields = JsonPath.read(report, "$.problems[*].field");
        assertThat(lines).containsExactly(3, 4, 5, 6, 7, 8, 9, 10, 12);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(reported.get(i)).as("line " + lines.get(i)).isEqualTo(codes.get(lines.get(i)));
        }
        // the wrong column count concerns the whole row: it has no field
        assertThat(fields).containsExactly("meterNumber", "kwh", "start", "kwh", "minutes", "kwh", "kwh", "start");
        assertThat(JsonPath.<String>read(report, "$.problems[0].message")).contains("NO-SUCH-METER");

        // the two good rows (00:15 and 00:30 UTC+8 written as Z) are stored; the first import's 1.5 stays
        assertThat(jdbc.sql("""
                select string_agg(to_char(start_at at time zone 'Asia/Shanghai', 'HH24:MI') || '=' || kwh_e4, ' ' order by start_at)
                  from meter_interval where meter_id = (select id from meter where meter_number = :m)
                """).param("m", meter).query(String.class).single()).isEqualTo("00:00=15000 00:15=12500 00:30=7500");
        assertThat(jdbc.sql("""
                select kwh_e4 || '/' || points from meter_interval_day where meter_id = (select id from meter where meter_number = :m)
                """).param("m", meter).query(String.class).single()).isEqualTo("35000/3");
        assertThat(jdbc.sql("""
                select kwh_e4 || '/' || days from meter_month where meter_id = (select id from meter where meter_number = :m)
                """).param("m", meter).query(String.class).single()).as("the monthly rollup").isEqualTo("35000/1");
    }

    @Test
    void aFileThatBreaksAfterGoodRowsLeavesNothingBehind() throws Exception {
        String customer = world.customer("COMMERCIAL", station);
        String meter = Fixtures.unique("IB");
        world.meter(customer, meter, "1", "2024-01-01", null);
        String report = world.importAndWait("INTERVAL", """
                meterNumber,start,minutes,kwh
                %1$s,2024-04-01T00:00,15,1
                %1$s,2024-04-01T00:15,15,1
                %1$s,2024-04-02T00:00,15,1
                "%1$s,2024-04-02T00:15,15,1
                """.formatted(meter));
        assertThat(JsonPath.<String>read(report, "$.status")).isEqualTo("FAILED");
        assertThat(storedIntervals(meter)).isZero();
        assertThat(jdbc.sql("""
                select count(*) from meter_interval_day d join meter m on m.id = d.meter_id where m.meter_number = :m
                """).param("m", meter).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from meter_month d join meter m on m.id = d.meter_id where m.meter_number = :m
                """).param("m", meter).query(Long.class).single()).isZero();
    }

    @Test
    void registerReadsThatGoBackwardsOrConflictAreRejectedAndABadHeaderSavesNothing() throws Exception {
        String customer = world.customer("COMMERCIAL", station);
        String meter = Fixtures.unique("RM");
        world.meter(customer, meter, "1", "2024-01-01", null);
        world.importAndWait("REGISTER", """
                meterNumber,readAt,total,criticalPeak,peak,flat,valley,reactiveKvarh,maxDemandKw
                %1$s,2024-04-01,100.5,,40,30.5,30,10,5.2
                %1$s,2024-04-10,200,,80,60,60,20,6
                """.formatted(meter));
        String report = world.importAndWait("REGISTER", """
                meterNumber,readAt,total,criticalPeak,peak,flat,valley,reactiveKvarh,maxDemandKw
                %1$s,2024-04-02,110,,44,33,33,11,4
                %1$s,2024-04-03,105,,45,30,30,12,4
                %1$s,2024-04-04,120,,50,35,35,x,4
                %1$s,2024-04-05,120,,39,40,41,13,4
                %1$s,2024-04-10,200.1,,80,60,60,20,6
                %1$s,2024-04-10,200,,80,60,60,20,6
                %1$s,2024-04-11,250,,90,80,80,,3
                %1$s,2024-04-09,210,,80,60,60,20,6
                """.formatted(meter));
        assertThat(JsonPath.<Integer>read(report, "$.rowsAccepted")).isEqualTo(2);
        assertThat(JsonPath.<Integer>read(report, "$.rowsUnchanged")).isEqualTo(1);
        List<Integer> lines = JsonPath.read(report, "$.problems[*].line");
        List<String> codes = JsonPath.read(report, "$.problems[*].code");
        List<String> fields = JsonPath.read(report, "$.problems[*].field");
        assertThat(lines).containsExactly(3, 4, 5, 6, 9);
        assertThat(codes).containsExactly("REGISTER_BACKWARDS", "MALFORMED_NUMBER", "REGISTER_BACKWARDS",
                "DUPLICATE_CONFLICT", "REGISTER_BACKWARDS");
        assertThat(fields).containsExactly("total", "reactiveKvarh", "peak", "total", "total");
        assertThat(storedRegisters(meter)).isEqualTo(4);

        String failed = world.importAndWait("REGISTER", """
                meterNumber,readAt,total,peak
                %1$s,2024-04-20,300,100
                """.formatted(meter));
        assertThat(JsonPath.<String>read(failed, "$.status")).isEqualTo("FAILED");
        assertThat(JsonPath.<String>read(failed, "$.failure")).isEqualTo("BAD_HEADER");
        assertThat(JsonPath.<String>read(failed, "$.problems[0].code")).isEqualTo("BAD_HEADER");
        assertThat(storedRegisters(meter)).isEqualTo(4);
    }

    @Test
    void consumptionAcrossAMeterChangeUsesEachMetersMultiplierAndNeverDiffersAcrossMeters() throws Exception {
        String customer = world.customer("LARGE_INDUSTRY", station);
        String old = Fixtures.unique("OLD");
        String replacement = Fixtures.unique("NEW");
        world.meter(customer, old, "40", "2024-01-01", "2024-03-15");
        world.meter(customer, replacement, "80", "2024-03-15", null);
        String report = world.importAndWait("REGISTER", """
                meterNumber,readAt,total,criticalPeak,peak,flat,valley,reactiveKvarh,maxDemandKw
                %1$s,2024-03-01T00:00,100.00,,40.00,30.00,30.00,,
                %1$s,2024-03-14T00:00,110.00,,44.00,33.00,33.00,,
                %1$s,2024-03-15T00:00,111.00,,44.50,33.20,33.30,,
                %1$s,2024-03-15T10:00,112.50,,45.50,33.50,33.50,,12.5
                %2$s,2024-03-15T10:30,0.00,,0.00,0.00,0.00,,
                %2$s,2024-03-16T00:00,1.25,,0.50,0.25,0.50,,
                %2$s,2024-04-01T00:00,20.25,,8.00,4.25,8.00,,30.1
                %1$s,2024-03-20T00:00,130.00,,50.00,40.00,40.00,,
                """.formatted(old, replacement));
        assertThat(JsonPath.<Integer>read(report, "$.rowsAccepted")).isEqualTo(7);
        assertThat(JsonPath.<String>read(report, "$.problems[0].code")).isEqualTo("METER_NOT_IN_SERVICE");

        // March: old meter (112.50 - 100.00) x 40 = 500, new meter (20.25 - 0.00) x 80 = 1620; together 2120.
        // Peak: (45.50 - 40.00) x 40 + (8.00 - 0.00) x 80 = 220 + 640 = 860. Valley: 3.5 x 40 + 8 x 80 = 780.
        // Maximum demand: the new meter's 30.1 kW x 80 = 2408 kW frozen on 1 April describes March.
        mvc.perform(get("/api/v1/customers/{n}/consumption", customer).with(asAdmin())
                        .param("from", "2024-03-01").param("to", "2024-03-31").param("granularity", "MONTH"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.series.length()").value(1))
                .andExpect(jsonPath("$.series[0].kwh").value(2120))
                .andExpect(jsonPath("$.series[0].peak").value(860))
                .andExpect(jsonPath("$.series[0].valley").value(780))
                .andExpect(jsonPath("$.series[0].flat").value(480))
                .andExpect(jsonPath("$.series[0].maxDemandKw").value(2408));
        // 15 March: old meter 111.00 -> 112.50 (1.5 x 40 = 60) and new meter 0 -> 1.25 (x 80 = 100): 160.
        // The 13-day difference from 1 to 14 March can't be placed on a day and stays out of the daily series.
        mvc.perform(get("/api/v1/customers/{n}/consumption", customer).with(asAdmin())
                        .param("from", "2024-03-01").param("to", "2024-03-16").param("granularity", "DAY"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.series[?(@.period == '2024-03-15')].kwh").value(160))
                .andExpect(jsonPath("$.series[?(@.period == '2024-03-14')].kwh").value(40))
                .andExpect(jsonPath("$.series[?(@.period == '2024-03-01')]").isEmpty());
    }

    @Test
    void badInputIsRefusedNamingTheField() throws Exception {
        String customer = world.customer("RESIDENTIAL", station);
        mvc.perform(multipart("/api/v1/meter-readings/import").param("kind", "INTERVAL").with(asAdmin()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        mvc.perform(multipart("/api/v1/meter-readings/import")
                        .file(new MockMultipartFile("file", "r.csv", "text/csv", "meterNumber\n".getBytes()))
                        .param("kind", "GAS").with(asAdmin()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
        mvc.perform(get("/api/v1/customers/{n}/consumption", customer).with(asAdmin())
                        .param("from", "2024-03-02").param("to", "2024-03-01"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/api/v1/customers/{n}/consumption", customer).with(asAdmin()).param("granularity", "HOUR"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("granularity"));
        mvc.perform(get("/api/v1/customers/{n}/consumption", customer).with(asAdmin()).param("from", "2024-13-01"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/api/v1/customers/{n}/consumption", "4599999999").with(asAdmin()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/meter-readings/imports/{id}", 987654321L).with(asAdmin()))
                .andExpect(status().isNotFound());
    }
}
