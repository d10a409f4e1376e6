package org.gridcare.customer;

import java.util.List;
import java.util.Optional;

import com.jayway.jsonpath.JsonPath;
import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.TestDatabase;
import org.gridcare.identity.Role;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@GridCareTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerApiTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired CustomerDirectory directory;
    @Autowired org.gridcare.organisation.OrgUnits units;

    String city;
    String station;
    String sibling;
    String agent;
    String trainer;
    String fieldStaff;
    String siblingAgent;
    final RequestPostProcessor admin = httpBasic("admin", TestDatabase.ADMIN_PASSWORD);

    @BeforeAll
    void organisation() {
        city = Fixtures.unique("CA");
        station = Fixtures.unique("SA");
        sibling = Fixtures.unique("SB");
        fixtures.unit(city, OrgUnitKind.CITY_COMPANY, "HQ");
        fixtures.unit(station, OrgUnitKind.SUPPLY_STATION, city);
        fixtures.unit(sibling, OrgUnitKind.SUPPLY_STATION, city);
        agent = Fixtures.unique("agent");
        trainer = Fixtures.unique("trainer");
        fieldStaff = Fixtures.unique("crew");
        siblingAgent = Fixtures.unique("agentb");
        fixtures.user(agent, station, Role.AGENT);
        fixtures.user(trainer, station, Role.INSPECTOR);
        fixtures.user(fieldStaff, station, Role.FIELD_STAFF);
        fixtures.user(siblingAgent, sibling, Role.AGENT);
    }

    static String number() {
        return "33" + String.format("%09d", Math.abs(System.nanoTime() % 1_000_000_000L));
    }

    String body(String number, String unit) {
        return """
                {"number": "%s", "name": "王建国", "kind": "RESIDENTIAL", "voltageLevel": "AC220V",
                 "address": "浙江省杭州市西湖区文三路478号3幢2单元501室", "phone": "138-1234-5678",
                 "idNumber": "330106195501011234", "tariffCode": "RES-TIER", "capacityKva": 8.00,
                 "unitCode": "%s", "flags": ["VULNERABLE"]}
                """.formatted(number, unit);
    }

    String create(String number) throws Exception {
        mvc.perform(post("/api/v1/customers").with(httpBasic(agent, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body(number, station)))
                .andExpect(status().isCreated());
        return number;
    }

    long count(String number) {
        return jdbc.sql("select count(*) from customer where number = :n").param("n", number).query(Long.class).single();
    }

    @Test
    void agentRegistersCustomerAndSeesPersonalDataMasked() throws Exception {
        String number = number();
        mvc.perform(post("/api/v1/customers").with(httpBasic(agent, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body(number, station)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/customers/" + number))
                .andExpect(jsonPath("$.number").value(number))
                .andExpect(jsonPath("$.kind").value("RESIDENTIAL"))
                .andExpect(jsonPath("$.voltageLevel").value("AC220V"))
                .andExpect(jsonPath("$.phone").value("138****5678"))
                .andExpect(jsonPath("$.idNumber").value("330***********1234"))
                .andExpect(jsonPath("$.address").value("浙江省杭州市西湖区文三路****"))
                .andExpect(jsonPath("$.unitCode").value(station))
                .andExpect(jsonPath("$.capacityKva").value(8.0))
                .andExpect(jsonPath("$.flags[0]").value("VULNERABLE"))
                .andExpect(jsonPath("$.version").value(0));
        assertThat(jdbc.sql("select phone_digits from customer where number = :n").param("n", number)
                .query(String.class).single()).isEqualTo("13812345678");
    }

    @Test
    void unmaskedViewIsAuditedAndRefusedToOtherRoles() throws Exception {
        String number = create(number());
        mvc.perform(get("/api/v1/customers/{n}?unmask=true", number).with(httpBasic(agent, Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phone").value("13812345678"))
                .andExpect(jsonPath("$.idNumber").value("330106195501011234"))
                .andExpect(jsonPath("$.address").value("浙江省杭州市西湖区文三路478号3幢2单元501室"))
                .andExpect(jsonPath("$.masked").value(false));
        assertThat(audits(number, "CUSTOMER_UNMASKED")).isEqualTo(1);

        mvc.perform(get("/api/v1/customers/{n}?unmask=true", number).with(httpBasic(trainer, Fixtures.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/customers/{n}", number).with(httpBasic(trainer, Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.phone").value("138****5678"));
        assertThat(audits(number, "CUSTOMER_UNMASKED")).isEqualTo(1);
    }

    @Test
    void fieldStaffSeeTheWholeAddressButMaskedPhone() throws Exception {
        String number = create(number());
        mvc.perform(get("/api/v1/customers/{n}", number).with(httpBasic(fieldStaff, Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.address").value("浙江省杭州市西湖区文三路478号3幢2单元501室"))
                .andExpect(jsonPath("$.phone").value("138****5678"));
        mvc.perform(get("/api/v1/customers/{n}?unmask=true", number).with(httpBasic(fieldStaff, Fixtures.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    long audits(String number, String action) {
        return jdbc.sql("select count(*) from audit_event where entity_id = :n and action = :a")
                .param("n", number).param("a", action).query(Long.class).single();
    }

    @Test
    void customerOfASiblingStationIsNotFound() throws Exception {
        String number = create(number());
        mvc.perform(get("/api/v1/customers/{n}", number).with(httpBasic(siblingAgent, Fixtures.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(patch("/api/v1/customers/{n}", number).with(httpBasic(siblingAgent, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"李四\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/customers?q={n}", number).with(httpBasic(siblingAgent, Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        // a unit outside the caller's scope is an unknown unit
        String other = number();
        mvc.perform(post("/api/v1/customers").with(httpBasic(siblingAgent, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body(other, station)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitCode"));
        assertThat(count(other)).isZero();
    }

    @Test
    void badInputIsRejectedNamingTheFieldAndNothingIsSaved() throws Exception {
        mvc.perform(post("/api/v1/customers").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content(body("12345", station)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("number"));
        assertThat(count("12345")).isZero();

        String number = number();
        mvc.perform(post("/api/v1/customers").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content(body(number, "NO-SUCH-UNIT")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitCode"));
        mvc.perform(post("/api/v1/customers").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content(body(number, station).replace("RESIDENTIAL", "HOUSEHOLD")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        mvc.perform(post("/api/v1/customers").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content(body(number, station).replace("\"138-1234-5678\"", "\"12\"")
                                .replace("\"王建国\"", "\"  \"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("phone")));
        mvc.perform(post("/api/v1/customers").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content(body(number, station).replace("\"VULNERABLE\"", "\"VIP\"")))
                .andExpect(status().isBadRequest());
        assertThat(count(number)).isZero();
    }

    @Test
    void duplicateNumberIsAConflict() throws Exception {
        String number = create(number());
        mvc.perform(post("/api/v1/customers").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content(body(number, sibling)))
                .andExpect(status().isConflict());
        assertThat(count(number)).isEqualTo(1);
    }

    @Test
    void changeChecksTheVersion() throws Exception {
        String number = create(number());
        mvc.perform(patch("/api/v1/customers/{n}", number).with(httpBasic(agent, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"王建军\", \"flags\": [\"IMPORTANT\", \"SENSITIVE\"], \"version\": 0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("王建军"))
                .andExpect(jsonPath("$.flags.length()").value(2))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(patch("/api/v1/customers/{n}", number).with(httpBasic(agent, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"王某\", \"version\": 0}"))
                .andExpect(status().isConflict());
        mvc.perform(patch("/api/v1/customers/{n}", number).with(httpBasic(agent, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"voltageLevel\": \"AC999V\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("voltageLevel"));
        mvc.perform(patch("/api/v1/customers/{n}", number).with(httpBasic(agent, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"phone\": \"abc\", \"version\": 1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("phone"));
        mvc.perform(get("/api/v1/customers/{n}", number).with(admin))
                .andExpect(jsonPath("$.name").value("王建军"))
                .andExpect(jsonPath("$.phone").value("138****5678"))
                .andExpect(jsonPath("$.version").value(1));
        assertThat(audits(number, "CUSTOMER_CHANGED")).isEqualTo(1);
        assertThat(audits(number, "CUSTOMER_CREATED")).isEqualTo(1);
    }

    @Test
    void searchFindsByNumberPrefixNamePhoneAndAddress() throws Exception {
        String tag = Fixtures.unique("").toUpperCase();
        String number = number();
        String phone = "139" + number.substring(number.length() - 8);
        mvc.perform(post("/api/v1/customers").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"number": "%s", "name": "钱塘%s电器厂", "kind": "COMMERCIAL", "voltageLevel": "AC380V",
                                 "address": "杭州市上城区望江%s路12号", "phone": "%s", "unitCode": "%s"}
                                """.formatted(number, tag, tag, phone, station)))
                .andExpect(status().isCreated());
        var agentAuth = httpBasic(agent, Fixtures.PASSWORD);
        mvc.perform(get("/api/v1/customers").param("q", number.substring(0, 9)).with(agentAuth))
                .andExpect(jsonPath("$.items[*].number", hasItem(number)));
        mvc.perform(get("/api/v1/customers").param("q", "钱塘" + tag).with(agentAuth))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].number").value(number));
        mvc.perform(get("/api/v1/customers").param("q", tag + "电器").with(agentAuth))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/v1/customers").param("q", phone.substring(3)).with(agentAuth))
                .andExpect(jsonPath("$.items[*].number", hasItem(number)));
        mvc.perform(get("/api/v1/customers").param("q", "望江" + tag).with(agentAuth))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/v1/customers").param("q", "望江" + tag).param("kind", "RESIDENTIAL").with(agentAuth))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/customers").param("q", "望江" + tag).param("unit", station).with(agentAuth))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/v1/customers").param("q", "望江" + tag).param("unit", city).with(admin))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/v1/customers").param("q", "100%_").with(agentAuth))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/customers").param("kind", "NOPE").with(agentAuth))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
        mvc.perform(get("/api/v1/customers").param("size", "500").with(agentAuth))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/customers").param("flag", "IMPORTANT").param("unit", station).with(agentAuth))
                .andExpect(jsonPath("$.items[*].number", not(hasItem(number))));
    }

    @Test
    void directoryFindsWithinScopeWithMaskedPhone() throws Exception {
        String number = create(number());
        long stationId = units.findByCode(station).orElseThrow().id().value();
        long siblingId = units.findByCode(sibling).orElseThrow().id().value();
        Optional<CustomerSummary> found = directory.find(number, new DataScope(false, java.util.Set.of(stationId)));
        assertThat(found).hasValueSatisfying(c -> {
            assertThat(c.maskedPhone()).isEqualTo("138****5678");
            assertThat(c.unitCode()).isEqualTo(station);
            assertThat(c.unitId()).isEqualTo(stationId);
            assertThat(c.flags()).containsExactly("VULNERABLE");
            assertThat(c.kind()).isEqualTo("RESIDENTIAL");
        });
        assertThat(directory.find(number, new DataScope(false, java.util.Set.of(siblingId)))).isEmpty();
        assertThat(directory.find("not-a-number", DataScope.unrestricted())).isEmpty();
        List<CustomerSummary> hits = directory.search(number, DataScope.unrestricted(), 5);
        assertThat(hits).extracting(CustomerSummary::number).containsExactly(number);
        assertThat(directory.search(number, new DataScope(false, java.util.Set.of(siblingId)), 5)).isEmpty();
        assertThat(directory.search(" ", DataScope.unrestricted(), 5)).isEmpty();
    }

    @Test
    void unknownFieldAndMissingBodyAreBadRequests() throws Exception {
        mvc.perform(post("/api/v1/customers").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"number\": \"1234567890\", \"colour\": \"red\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/customers").with(admin).contentType(MediaType.APPLICATION_JSON).content("[]"))
                .andExpect(status().isBadRequest());
        var result = mvc.perform(post("/api/v1/customers").with(admin).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isBadRequest()).andReturn();
        List<String> fields = JsonPath.read(result.getResponse().getContentAsString(), "$.errors[*].field");
        assertThat(fields).contains("number", "name", "kind", "voltageLevel", "address", "phone", "unitCode");
    }
}
