package org.gridcare.customer;

import java.nio.charset.StandardCharsets;

import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.identity.Role;
import org.gridcare.organisation.OrgUnitKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@GridCareTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerConsoleTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService accounts;
    @Autowired JdbcClient jdbc;

    String station;
    String agent;
    String inspector;

    @BeforeAll
    void organisation() {
        station = Fixtures.unique("SC");
        fixtures.unit(station, OrgUnitKind.SUPPLY_STATION, "HQ");
        agent = Fixtures.unique("cagent");
        inspector = Fixtures.unique("cinsp");
        fixtures.user(agent, station, Role.AGENT);
        fixtures.user(inspector, station, Role.INSPECTOR);
    }

    RequestPostProcessor as(String username) {
        return user(accounts.loadUserByUsername(username));
    }

    String page(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
        var response = mvc.perform(request.with(who)).andExpect(status().isOk()).andReturn().getResponse();
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    static String number() {
        return "66" + String.format("%09d", Math.abs(System.nanoTime() % 1_000_000_000L));
    }

    @Test
    void agentCreatesACustomerSearchesItAndUnmasksWithAnAuditRecord() throws Exception {
        String number = number();
        mvc.perform(post("/customers/new").with(as(agent)).with(csrf())
                        .param("number", number).param("name", "陈阿婆").param("kind", "RESIDENTIAL")
                        .param("voltageLevel", "AC220V").param("address", "杭州市西湖区古墩路88号2幢301室")
                        .param("phone", "13712345678; 0571-87654321").param("unitCode", station)
                        .param("flags", "VULNERABLE"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/customers/" + number));

        String list = page(get("/customers").param("q", number.substring(0, 10)), as(agent));
        assertThat(list).contains("gc-nav-customers").contains(number).contains("137****5678").doesNotContain("13712345678");
        String partial = page(get("/customers").param("q", "陈阿婆").header("HX-Request", "true"), as(agent));
        assertThat(partial).contains(number).doesNotContain("<html");

        String detail = page(get("/customers/{n}", number), as(agent));
        assertThat(detail).contains("137****5678").contains("杭州市西湖区古墩路****").contains("gc-customer-unmask");
        String shown = page(post("/customers/{n}/unmask", number).with(csrf()).header("HX-Request", "true"), as(agent));
        assertThat(shown).contains("13712345678").contains("057187654321").contains("古墩路88号2幢301室");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'CUSTOMER_UNMASKED' and entity_id = :n")
                .param("n", number).query(Long.class).single()).isEqualTo(1);

        mvc.perform(get("/customers/{n}", number).with(as(inspector))).andExpect(status().isForbidden());
    }

    @Test
    void formShowsFieldErrorsAndSavesNothing() throws Exception {
        String number = number();
        String page = page(post("/customers/new").with(csrf()).param("number", number).param("name", "")
                .param("kind", "RESIDENTIAL").param("voltageLevel", "AC220V").param("address", "某路1号")
                .param("phone", "12").param("unitCode", station).param("capacityKva", "lots"), as(agent));
        assertThat(page).contains("gc-customer-form").contains("is-invalid");
        assertThat(jdbc.sql("select count(*) from customer where number = :n").param("n", number).query(Long.class)
                .single()).isZero();

        // an empty flag value (a crafted form; it was a server error) is no flag, and the rest still validates
        String emptyFlag = page(post("/customers/new").with(csrf()).param("number", number).param("name", "")
                .param("kind", "RESIDENTIAL").param("voltageLevel", "AC220V").param("address", "某路1号")
                .param("unitCode", station).param("flags", "", "VULNERABLE"), as(agent));
        assertThat(emptyFlag).contains("gc-customer-form").contains("is-invalid");
        assertThat(jdbc.sql("select count(*) from customer where number = :n").param("n", number).query(Long.class)
                .single()).isZero();
    }

    @Test
    void editKeepsMaskedFieldsWhenLeftEmptyAndRejectsAStaleVersion() throws Exception {
        String number = number();
        mvc.perform(post("/customers/new").with(as(agent)).with(csrf())
                .param("number", number).param("name", "周先生").param("kind", "COMMERCIAL")
                .param("voltageLevel", "AC380V").param("address", "杭州市拱墅区湖墅南路1号")
                .param("phone", "13900001111").param("unitCode", station)).andExpect(status().is3xxRedirection());
        String form = page(get("/customers/{n}/edit", number), as(agent));
        assertThat(form).contains("139****1111").doesNotContain("13900001111");
        mvc.perform(post("/customers/{n}/edit", number).with(as(agent)).with(csrf())
                        .param("name", "周老板").param("kind", "COMMERCIAL").param("voltageLevel", "AC380V")
                        .param("unitCode", station).param("version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select name || '/' || phones[1] || '/' || address from customer where number = :n")
                .param("n", number).query(String.class).single()).isEqualTo("周老板/13900001111/杭州市拱墅区湖墅南路1号");
        String stale = page(post("/customers/{n}/edit", number).with(csrf()).param("name", "周某")
                .param("kind", "COMMERCIAL").param("voltageLevel", "AC380V").param("unitCode", station)
                .param("version", "0"), as(agent));
        assertThat(stale).contains("alert-danger");
    }

    @Test
    void importPageShowsThePerRowReport() throws Exception {
        String p = "77" + String.format("%07d", Math.abs(System.nanoTime() % 10_000_000L));
        String csv = CustomerImportExportTests.HEADER
                + p + "01,张三,RESIDENTIAL,AC220V,某路1号,13800000001,,,,%s,\n".formatted(station)
                + p + "02,李四,NOPE,AC220V,某路2号,13800000002,,,,%s,\n".formatted(station);
        var response = mvc.perform(multipart("/customers/import").file(new MockMultipartFile("file", "c.csv",
                        "text/csv", csv.getBytes(StandardCharsets.UTF_8))).with(as("admin")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse();
        String page = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("gc-import-report").contains("NOPE");
        assertThat(jdbc.sql("select count(*) from customer where number like :p").param("p", p + "%")
                .query(Long.class).single()).isZero();
        mvc.perform(get("/customers/import").with(as(agent))).andExpect(status().isForbidden());
        String export = mvc.perform(get("/customers/export").param("format", "csv").param("q", "张三")
                .with(as("admin"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(export).startsWith("\uFEFFnumber,name");
    }
}
