package org.gridcare.customer;

import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.TestDatabase;
import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnitKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@GridCareTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeterApiTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired MeterDirectory directory;

    final RequestPostProcessor admin = httpBasic("admin", TestDatabase.ADMIN_PASSWORD);
    String station;

    @BeforeAll
    void organisation() {
        station = Fixtures.unique("SM");
        fixtures.unit(station, OrgUnitKind.SUPPLY_STATION, "HQ");
    }

    String customer() throws Exception {
        String number = "44" + String.format("%09d", Math.abs(System.nanoTime() % 1_000_000_000L));
        mvc.perform(post("/api/v1/customers").with(admin).contentType(MediaType.APPLICATION_JSON).content("""
                {"number": "%s", "name": "杭州某某商贸有限公司", "kind": "COMMERCIAL", "voltageLevel": "AC10KV",
                 "address": "杭州市拱墅区莫干山路100号", "phone": "0571-88001234", "unitCode": "%s",
                 "idNumber": "91330100MA2B3C4D5E", "capacityKva": 315}
                """.formatted(number, station))).andExpect(status().isCreated());
        return number;
    }

    static String meter(String meterNumber, String installedOn, String removedOn, String multiplier) {
        return """
                {"meterNumber": "%s", "type": "HIGH_VOLTAGE_CT", "multiplier": %s, "installedOn": "%s"%s}
                """.formatted(meterNumber, multiplier, installedOn,
                removedOn == null ? "" : ", \"removedOn\": \"" + removedOn + "\"");
    }

    @Test
    void peersAreTheCustomerFirstThenTheOldestCustomersOfTheSameKindAndStation() throws Exception {
        String peerStation = Fixtures.unique("SP");
        fixtures.unit(peerStation, OrgUnitKind.SUPPLY_STATION, "HQ");
        List<String> commercial = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String number = customer();
            jdbc.sql("update customer set unit_id = (select id from org_unit where code = :unit) where number = :n")
                    .param("unit", peerStation).param("n", number).update();
            commercial.add(number);
        }
        String residential = customer();
        jdbc.sql("update customer set kind = 'RESIDENTIAL', unit_id = (select id from org_unit where code = :unit) where number = :n")
                .param("unit", peerStation).param("n", residential).update();
        for (String number : commercial) {
            String meter = Fixtures.unique("PM");
            mvc.perform(post("/api/v1/customers/{n}/meters", number).with(admin).contentType(MediaType.APPLICATION_JSON)
                    .content(meter(meter, "2024-03-01", null, "1"))).andExpect(status().isCreated());
        }

        // the last one asks: itself, then the two oldest others of its kind at its station (never the residential one)
        List<String> peers = directory.ofPeers(commercial.get(3), DataScope.unrestricted(), 3).stream()
                .map(MeterSummary::customerNumber).toList();
        assertThat(peers).containsExactlyInAnyOrder(commercial.get(3), commercial.get(0), commercial.get(1));
        assertThat(directory.ofPeers(commercial.get(3), DataScope.unrestricted(), 1))
                .extracting(MeterSummary::customerNumber).containsExactly(commercial.get(3));
        // outside the caller's scope there are no peers at all
        long otherUnit = jdbc.sql("select id from org_unit where code = :unit").param("unit", station).query(Long.class).single();
        assertThat(directory.ofPeers(commercial.get(3), new DataScope(false, Set.of(otherUnit)), 3)).isEmpty();
    }

    @Test
    void oneActiveMeterPerServicePointAndReplacementAfterRemoval() throws Exception {
        String number = customer();
        String first = Fixtures.unique("M1");
        String second = Fixtures.unique("M2");
        mvc.perform(post("/api/v1/customers/{n}/meters", number).with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content(meter(first, "2024-03-01", null, "80")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.meterNumber").value(first))
                .andExpect(jsonPath("$.servicePoint").value("SP01"))
                .andExpect(jsonPath("$.type").value("HIGH_VOLTAGE_CT"))
                .andExpect(jsonPath("$.multiplier").value(80));
        mvc.perform(post("/api/v1/customers/{n}/meters", number).with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content(meter(second, "2025-06-01", null, "80")))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/customers/{n}/meters/{m}/removal", number, first).with(admin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"removedOn\": \"2024-02-01\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("removedOn"));
        mvc.perform(post("/api/v1/customers/{n}/meters/{m}/removal", number, first).with(admin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"removedOn\": \"2025-06-01\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.removedOn").value("2025-06-01"));
        mvc.perform(post("/api/v1/customers/{n}/meters", number).with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content(meter(second, "2025-06-01", null, "80")))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/customers/{n}/meters", number).with(admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].meterNumber").value(second))
                .andExpect(jsonPath("$.items[1].meterNumber").value(first));
    }

    @Test
    void meterRulesAreCheckedAndNothingIsSavedOnRejection() throws Exception {
        String number = customer();
        String m = Fixtures.unique("MX");
        mvc.perform(post("/api/v1/customers/{n}/meters", number).with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content(meter(m, "2024-03-01", null, "0")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("multiplier"));
        mvc.perform(post("/api/v1/customers/{n}/meters", number).with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content(meter(m, "2024-03-01", "2024-01-01", "1")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("removedOn"));
        mvc.perform(post("/api/v1/customers/{n}/meters", number).with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content(meter(m, "2024-03-01", null, "1").replace("HIGH_VOLTAGE_CT", "ANALOGUE")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("type"));
        mvc.perform(post("/api/v1/customers/{n}/meters", number).with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content(meter(m, "2024-13-01", null, "1")))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from meter where meter_number = :m").param("m", m).query(Long.class)
                .single()).isZero();
        // a historical meter may sit beside the active one; the number stays unique across customers
        mvc.perform(post("/api/v1/customers/{n}/meters", number).with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content(meter(m, "2020-01-01", "2023-12-31", "1")))
                .andExpect(status().isCreated());
        String other = customer();
        mvc.perform(post("/api/v1/customers/{n}/meters", other).with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content(meter(m, "2024-03-01", null, "1")))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/customers/{n}/meters", "9999999999").with(admin))
                .andExpect(status().isNotFound());
    }
}
