package org.gridcare.billing;

import java.nio.charset.StandardCharsets;

import com.jayway.jsonpath.JsonPath;
import org.gridcare.GridCareTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.ApiRequests.asAdmin;
import static org.gridcare.ApiRequests.postJson;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The quote and tariff endpoints: the seeded tariffs, a quote's JSON, and a problem detail naming the field for bad input. */
@GridCareTest
class QuoteApiTests {

    @Autowired MockMvc mvc;

    @Test
    void theSeededTariffsAreListedWithTheExampleMarked() throws Exception {
        mvc.perform(get("/api/v1/tariffs").with(asAdmin())).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == 'EXAMPLE-LI-TOU')].example").value(true))
                .andExpect(jsonPath("$[?(@.code == 'ZJ-RES-FLAT')].example").value(false))
                .andExpect(jsonPath("$[?(@.code == 'ZJ-RES-TOU')].versions[0].tiers.length()").value(3));
        mvc.perform(get("/api/v1/tariffs/EXAMPLE-LI-TOU").with(asAdmin())).andExpect(status().isOk())
                .andExpect(jsonPath("$.versions[0].basicCapacityPrice").value(26))
                .andExpect(jsonPath("$.versions[0].basicDemandPrice").value(40))
                .andExpect(jsonPath("$.versions[0].pfStandard").value(0.9))
                .andExpect(jsonPath("$.versions[0].prices.CRITICAL_PEAK").value(1.25));
        mvc.perform(get("/api/v1/tariffs/NOPE").with(asAdmin())).andExpect(status().isNotFound());
    }

    @Test
    void commercialAndAgriculturalCustomersHaveExampleFlatTariffs() throws Exception {
        // 1234 kWh × 0.65 = 802.10; × 0.50 = 617.00 (flat, no tiers, no surcharges, no power-factor standard)
        mvc.perform(postJson("/api/v1/bills/quote", """
                        {"tariffCode": "COM-GENERAL", "periodStart": "2025-03-01", "periodEnd": "2025-03-31",
                         "kwh": {"total": 1234}}""").with(asAdmin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(802.10))
                .andExpect(jsonPath("$.exampleTariff").value(true)).andExpect(jsonPath("$.lines.length()").value(1));
        mvc.perform(postJson("/api/v1/bills/quote", """
                        {"tariffCode": "AGR-PROD", "periodStart": "2025-03-01", "periodEnd": "2025-03-31",
                         "kwh": {"total": 1234}}""").with(asAdmin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(617.00))
                .andExpect(jsonPath("$.exampleTariff").value(true));
    }

    @Test
    void aQuoteReturnsItsLinesAndTotal() throws Exception {
        // 400 kVA × 26 = 10400; peak 1000 × 1.00 + flat 1000 × 0.60 + valley 1000 × 0.30 = 1900;
        // 3000 / √(3000² + 4000²) = 0.60 → +25 % of 12300 = 3075.00; total 10400 + 1900 + 3075 = 15375.00
        String body = mvc.perform(postJson("/api/v1/bills/quote", """
                        {"tariffCode": "EXAMPLE-LI-TOU", "periodStart": "2024-03-01", "periodEnd": "2024-03-31",
                         "kwh": {"peak": 1000, "flat": 1000, "valley": 1000}, "capacityKva": 400,
                         "basicChargeBasis": "CAPACITY", "reactiveKvarh": 4000}
                        """).with(asAdmin()).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(15375.00))
                .andExpect(jsonPath("$.powerFactor").value(0.60))
                .andExpect(jsonPath("$.pfAdjustmentPercent").value(25.00))
                .andExpect(jsonPath("$.exampleTariff").value(true))
                .andExpect(jsonPath("$.lines.length()").value(5))
                .andExpect(jsonPath("$.lines[3].kind").value("BASIC_CHARGE"))
                .andExpect(jsonPath("$.lines[3].amount").value(10400.00))
                .andExpect(jsonPath("$.lines[4].label").value("功率因数调整电费（功率因数 0.60）"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("\"total\":15375.00");
    }

    private void rejected(String json, String field) throws Exception {
        mvc.perform(postJson("/api/v1/bills/quote", json).with(asAdmin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
    }

    @Test
    void badInputIsAProblemDetailNamingTheField() throws Exception {
        rejected("""
                {"tariffCode": "NO-SUCH", "periodStart": "2024-03-01", "periodEnd": "2024-03-31", "kwh": {"total": 10}}
                """, "tariffCode");
        rejected("""
                {"tariffCode": "ZJ-RES-TOU", "periodStart": "2024-03-01", "periodEnd": "2024-03-31", "kwh": {"total": 10}}
                """, "kwh");
        rejected("""
                {"tariffCode": "ZJ-RES-TOU", "periodStart": "2024-03-01", "periodEnd": "2024-03-31", "kwh": {"peak": 10}}
                """, "kwh.valley");
        rejected("""
                {"tariffCode": "ZJ-RES-FLAT", "periodStart": "2024-03-01", "periodEnd": "2024-03-31", "kwh": {"total": -1}}
                """, "kwh.total");
        rejected("""
                {"tariffCode": "ZJ-RES-FLAT", "periodStart": "2024-03-31", "periodEnd": "2024-03-01", "kwh": {"total": 1}}
                """, "periodEnd");
        rejected("""
                {"tariffCode": "ZJ-RES-FLAT", "periodStart": "2024-12-01", "periodEnd": "2025-01-31", "kwh": {"total": 1}}
                """, "periodEnd");
        rejected("""
                {"tariffCode": "ZJ-RES-FLAT", "periodStart": "2024-03-01", "periodEnd": "2024-03-31",
                 "kwh": {"total": 10, "peak": 4, "valley": 5}}
                """, "kwh.total");
        rejected("""
                {"tariffCode": "EXAMPLE-LI-TOU", "periodStart": "2024-03-01", "periodEnd": "2024-03-31",
                 "kwh": {"peak": 1, "flat": 1, "valley": 1}, "basicChargeBasis": "DEMAND", "capacityKva": 400}
                """, "maxDemandKw");
        rejected("""
                {"tariffCode": "EXAMPLE-LI-TOU", "periodStart": "2024-03-01", "periodEnd": "2024-03-31",
                 "kwh": {"criticalPeak": 5, "peak": 1, "flat": 1, "valley": 1}, "capacityKva": 400}
                """, "kwh.criticalPeak");
        rejected("""
                {"tariffCode": "EXAMPLE-LI-TOU", "periodStart": "2024-03-01", "periodEnd": "2024-03-31",
                 "kwh": {"peak": 1, "flat": 1, "valley": 1}, "capacityKva": 400, "pfStandard": 0.95}
                """, "pfStandard");
        rejected("""
                {"tariffCode": "ZJ-RES-FLAT", "periodStart": "2019-03-01", "periodEnd": "2019-03-31", "kwh": {"total": 1}}
                """, "periodStart");
        rejected("""
                {"periodStart": "2024-03-01", "periodEnd": "2024-03-31", "kwh": {"total": 1}}
                """, "tariffCode");
        // an unknown basis or a malformed date is a 400 as well, never a 500
        mvc.perform(postJson("/api/v1/bills/quote", """
                {"tariffCode": "EXAMPLE-LI-TOU", "periodStart": "2024-03-01", "periodEnd": "2024-03-31",
                 "kwh": {"peak": 1, "flat": 1, "valley": 1}, "basicChargeBasis": "SIZE"}
                """).with(asAdmin())).andExpect(status().isBadRequest());
        mvc.perform(postJson("/api/v1/bills/quote", """
                {"tariffCode": "ZJ-RES-FLAT", "periodStart": "2024-13-01", "periodEnd": "2024-03-31", "kwh": {"total": 1}}
                """).with(asAdmin())).andExpect(status().isBadRequest());
    }
}
