package org.gridcare.sla;

import java.nio.charset.StandardCharsets;

import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.identity.Role;
import org.gridcare.organisation.OrgUnitKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@GridCareTest
class SlaConsoleTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired Fixtures fixtures;
    @Autowired SlaPolicies policies;

    @Test
    void theRulesPageShowsTheSourceAndTheAssumedValues() throws Exception {
        String page = page(get("/admin/sla/policies/1"), admin());
        assertThat(page).contains("十项承诺").contains("假定值").contains("到达现场").contains("gc-sla-copy-version");
        assertThat(page(get("/admin/sla/policies"), admin())).contains("v1");
    }

    @Test
    void theCalendarPageMarksHolidaysAndMakeUpDays() throws Exception {
        String page = page(get("/admin/sla/calendar").param("year", "2025"), admin());
        assertThat(page).contains("data-date=\"2025-10-11\"").contains("国庆节调休上班").contains("gc-cal-import");
        int cell = page.indexOf("data-date=\"2025-10-01\"");
        assertThat(page.substring(page.lastIndexOf("<td", cell), page.indexOf(">", cell))).contains("gc-cal-holiday");
    }

    @Test
    void aBadCsvUploadShowsEveryBadRowAndSavesNothing() throws Exception {
        var file = new MockMultipartFile("file", "c.csv", "text/csv",
                "2033-01-01,HOLIDAY,元旦\n2033-01-02,NOPE,x\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/admin/sla/calendar/import").file(file).param("year", "2033").with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("importErrors"));
        assertThat(page(get("/admin/sla/calendar").param("year", "2033"), admin())).doesNotContain("元旦");
        // the form posted without its file part (not multipart at all): the 400 page, not a server error
        mvc.perform(post("/admin/sla/calendar/import").param("year", "2033").param("file", "2033-01-01,HOLIDAY,元旦")
                        .with(admin()).with(csrf()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aSupervisorReadsButMayNotPublishOrImport() throws Exception {
        String unit = Fixtures.unique("SLC");
        fixtures.unit(unit, OrgUnitKind.CITY_COMPANY, fixtures.root().code());
        String supervisor = Fixtures.unique("sla-sup");
        fixtures.user(supervisor, unit, Role.SUPERVISOR);
        RequestPostProcessor as = user(accounts.loadUserByUsername(supervisor));
        assertThat(page(get("/admin/sla/policies/1"), as)).doesNotContain("gc-sla-copy-version");
        mvc.perform(get("/admin/sla/policies/new").with(as)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/sla/policies").with(as).with(csrf())).andExpect(status().isForbidden());
        String agent = Fixtures.unique("sla-agt");
        fixtures.user(agent, unit, Role.AGENT);
        mvc.perform(get("/admin/sla/calendar").with(user(accounts.loadUserByUsername(agent)))).andExpect(status().isForbidden());
    }

    @Test
    void theNewVersionFormCopiesTheRulesAndAWrongRowIsReportedWithoutSaving() throws Exception {
        String form = page(get("/admin/sla/policies/new"), admin());
        assertThat(form).contains("rows[0].clockName").contains("FIRST_RESPONSE");
        int before = policies.versions().size();
        String page = page(post("/admin/sla/policies").with(csrf())
                .param("effectiveFrom", "2099-01-01T00:00")
                .param("rows[0].clockName", "REPLY").param("rows[0].orderType", "COMPLAINT")
                .param("rows[0].startEvents", "ACCEPTED").param("rows[0].stopEvents", "REPLIED_LATE")
                .param("rows[0].amount", "0").param("rows[0].unit", "WORKING_DAYS")
                .param("rows[0].warningPercent", "80").param("rows[0].pauseStates", "SUSPENDED"), admin());
        assertThat(page).contains("gc-sla-errors").contains("第 1 行 · stopEvents").contains("第 1 行 · amount");
        assertThat(policies.versions()).hasSize(before);
    }

    @Test
    void anAdministratorPublishesANewVersionFromTheForm() throws Exception {
        // effective far in the future, so that the other tests keep the seeded defaults
        var result = mvc.perform(post("/admin/sla/policies").with(admin()).with(csrf())
                        .param("effectiveFrom", "2097-01-01T00:00").param("note", "控制台发布")
                        .param("rows[0].clockName", "REPLY").param("rows[0].orderType", "COMPLAINT")
                        .param("rows[0].startEvents", "ACCEPTED, REOPENED").param("rows[0].stopEvents", "REPLIED")
                        .param("rows[0].amount", "3").param("rows[0].unit", "WORKING_DAYS")
                        .param("rows[0].warningPercent", "75").param("rows[0].pauseStates", "SUSPENDED")
                        .param("rows[1].clockName", "").param("rows[1].amount", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("notice"))
                .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        int number = Integer.parseInt(location.substring(location.lastIndexOf('/') + 1));
        PolicyVersion version = policies.byNumber(number);
        assertThat(version.note()).isEqualTo("控制台发布");
        assertThat(policies.rules(version.id())).singleElement().satisfies(rule -> {
            assertThat(rule.amount()).isEqualTo(3);
            assertThat(rule.warningPercent()).isEqualTo(75);
            assertThat(rule.startEvents()).containsExactlyInAnyOrder(OrderEvent.ACCEPTED, OrderEvent.REOPENED);
        });
        assertThat(page(get(location), admin())).contains("控制台发布").contains("3 个工作日");
    }

    private RequestPostProcessor admin() {
        return user(accounts.loadUserByUsername("admin"));
    }

    private String page(MockHttpServletRequestBuilder request, RequestPostProcessor as) throws Exception {
        RequestBuilder built = request.with(as);
        var response = mvc.perform(built).andExpect(status().isOk()).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
