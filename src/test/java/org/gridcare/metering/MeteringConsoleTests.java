package org.gridcare.metering;

import java.nio.charset.StandardCharsets;

import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.identity.Role;
import org.gridcare.organisation.OrgUnitKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@GridCareTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeteringConsoleTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService accounts;

    MeteringWorld world;
    String station;
    String supervisor;
    String agent;

    @BeforeAll
    void organisation() {
        world = new MeteringWorld(mvc);
        station = Fixtures.unique("MC");
        fixtures.unit(station, OrgUnitKind.SUPPLY_STATION, "HQ");
        supervisor = Fixtures.unique("msup");
        agent = Fixtures.unique("magent");
        fixtures.user(supervisor, station, Role.SUPERVISOR);
        fixtures.user(agent, station, Role.AGENT);
    }

    RequestPostProcessor as(String username) {
        return user(accounts.loadUserByUsername(username));
    }

    <B extends AbstractMockHttpServletRequestBuilder<B>> String page(B request, RequestPostProcessor who) throws Exception {
        return mvc.perform(request.with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void uploadShowsProgressThenTheReportAndTheAnalysisPageDrawsFromTheData() throws Exception {
        String customer = world.customer("RESIDENTIAL", station);
        String meter = Fixtures.unique("CM");
        world.meter(customer, meter, "1", "2024-01-01", null);

        String form = page(get("/metering/imports"), as(supervisor));
        assertThat(form).contains("id=\"gc-meter-import-form\"", "enctype=\"multipart/form-data\"", "name=\"_csrf\"");

        // no file: the form says so, nothing is queued
        String refused = page(multipart("/metering/imports").param("kind", "INTERVAL").with(csrf()), as(supervisor));
        assertThat(refused).contains("is-invalid", "请选择要导入的文件");

        String csv = """
                meterNumber,start,minutes,kwh
                %1$s,2024-03-01T00:00,30,1.25
                %1$s,2024-03-01T00:30,30,-1
                """.formatted(meter);
        String location = mvc.perform(multipart("/metering/imports")
                        .file(new MockMultipartFile("file", "readings.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("kind", "INTERVAL").with(csrf()).with(as(supervisor)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        world.waitFor(id);

        // the polled progress bar of a finished import asks the page to reload, which then shows the report
        mvc.perform(get("/metering/imports/{id}/progress", id).header("HX-Request", "true").with(as(supervisor)))
                .andExpect(status().isOk()).andExpect(header().string("HX-Refresh", "true"));
        String report = page(get("/metering/imports/{id}", id), as(supervisor));
        assertThat(report).contains("id=\"gc-import-done\"", "id=\"gc-import-report\"", "数值 -1 为负数", "readings.csv")
                .doesNotContain("every 1s");
        assertThat(page(get("/metering/imports"), as(supervisor))).contains("readings.csv");
        // agents read consumption but don't import
        mvc.perform(get("/metering/imports").with(as(agent))).andExpect(status().isForbidden());

        String analysis = page(get("/metering/customers/{n}", customer).param("from", "2024-03-01").param("to", "2024-03-31"),
                as(agent));
        assertThat(analysis).contains("id=\"gc-analysis-charts\"", "data-chart-data=", "&quot;period&quot;:&quot;2024-03-01&quot;",
                "echarts.min.js\" defer", "/js/metering.js").doesNotContain("<script>");
        mvc.perform(get("/webjars/echarts/echarts.min.js").with(as(agent))).andExpect(status().isOk());
        mvc.perform(get("/js/metering.js").with(as(agent))).andExpect(status().isOk());
        assertThat(page(get("/customers/{n}", customer), as(agent))).contains("/metering/customers/" + customer);
    }
}
