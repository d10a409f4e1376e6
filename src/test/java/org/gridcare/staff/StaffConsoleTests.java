package org.gridcare.staff;

import java.time.LocalDate;

import org.gridcare.ApiRequests;
import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.identity.Role;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitKind;
import org.gridcare.shared.BusinessTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.ApiRequests.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The staff console: a manager builds a profile with a certificate and a shift; staff see their own; the org chart. */
@GridCareTest
class StaffConsoleTests {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService accounts;
    @Autowired StaffDirectory directory;

    private OrgUnit station;
    private String manager;
    private String crew;
    private String other;

    @BeforeEach
    void world() {
        fixtures.root();
        String city = Fixtures.unique("KC");
        fixtures.unit(city, OrgUnitKind.CITY_COMPANY, "HQ");
        station = fixtures.unit(Fixtures.unique("KS"), OrgUnitKind.SUPPLY_STATION, city);
        manager = Fixtures.unique("kmgr");
        crew = Fixtures.unique("kcrew");
        other = Fixtures.unique("koth");
        fixtures.user(manager, station.code(), Role.MANAGER);
        fixtures.user(crew, station.code(), Role.FIELD_STAFF);
        fixtures.user(other, station.code(), Role.FIELD_STAFF);
    }

    @Test
    void aManagerCreatesAProfileRecordsACertificateAndPlansAShift() throws Exception {
        RequestPostProcessor signedIn = user(accounts.loadUserByUsername(manager));
        String team = Fixtures.unique("KT");
        MockHttpServletResponse created = mvc.perform(post("/staff/teams").with(signedIn).with(csrf())
                .param("code", team).param("name", "抢修二班").param("unitCode", station.code())
                .param("duties", "城区抢修")).andReturn().getResponse();
        assertThat(created.getRedirectedUrl()).isEqualTo("/staff/teams");
        assertThat(page("/staff/new", signedIn)).contains("gc-staff-form", crew);

        MockHttpServletResponse saved = mvc.perform(post("/staff/new").with(signedIn).with(csrf())
                .param("username", crew).param("position", "REPAIR_ELECTRICIAN").param("teamCode", team)
                .param("hireDate", "2018-03-01").param("languages", "普通话、客家话")
                .param("voltageLevels", "LV_0_4KV").param("skills", "FAULT_REPAIR",
                        "SERVICE_APPLICATION:SERVICE_APPLICATION.RECONNECTION")).andReturn().getResponse();
        assertThat(saved.getStatus()).isEqualTo(302);
        String profileUrl = saved.getRedirectedUrl();
        long userId = directory.profileOf(crew).orElseThrow().userId();
        assertThat(profileUrl).isEqualTo("/staff/" + userId);
        assertThat(directory.profileOf(crew).orElseThrow().languages()).containsExactly("普通话", "客家话");

        var refused = mvc.perform(post("/staff/new").with(signedIn).with(csrf()).param("username", crew)
                .param("position", "AGENT")).andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/staff/new");
        assertThat((String) refused.getFlashMap().get("actionError")).contains("已有员工档案");

        mvc.perform(multipart(profileUrl + "/certificates")
                .file(new MockMultipartFile("file", "licence.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes()))
                .param("kindCode", "ELECTRICIAN_LV").param("number", Fixtures.unique("C")).param("issuer", "应急管理局")
                .param("issuedOn", "2020-01-01").param("expiresOn",
                        LocalDate.now(BusinessTime.ZONE).plusYears(3).toString())
                .with(signedIn).with(csrf()));
        var badCertificate = mvc.perform(post(profileUrl + "/certificates").with(signedIn).with(csrf())
                .param("kindCode", "ELECTRICIAN_LV").param("number", "X").param("issuer", "x")
                .param("issuedOn", "2020-01-01").param("expiresOn", "2019-01-01")).andReturn();
        assertThat((String) badCertificate.getFlashMap().get("actionError")).contains("有效期至");
        mvc.perform(post(profileUrl + "/shifts").with(signedIn).with(csrf()).param("date",
                LocalDate.now(BusinessTime.ZONE).toString()).param("shiftCode", "DAY"));

        String profile = page(profileUrl, signedIn);
        assertThat(profile).contains("gc-staff-certificates", "licence.pdf", "gc-staff-shifts", "gc-staff-edit",
                "gc-add-certificate", "抢修电工", "客家话");
        assertThat(page("/staff", signedIn)).contains("gc-staff-table", crew);
        assertThat(page("/staff/teams", signedIn)).contains("gc-org-chart", team, "gc-new-team");

        RequestPostProcessor crewSignedIn = user(accounts.loadUserByUsername(crew));
        String own = page(profileUrl, crewSignedIn);
        assertThat(own).contains("gc-staff-certificates").doesNotContain("gc-staff-edit", "gc-add-certificate");
        assertThat(mvc.perform(get("/staff/me").with(crewSignedIn)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo(profileUrl);
        assertThat(page("/staff/teams", crewSignedIn)).contains(team).doesNotContain("gc-new-team");
        assertThat(mvc.perform(get("/staff").with(crewSignedIn)).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        RequestPostProcessor otherSignedIn = user(accounts.loadUserByUsername(other));
        assertThat(mvc.perform(get(profileUrl).with(otherSignedIn)).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(page("/staff/me", otherSignedIn)).contains("gc-staff-none");
        assertThat(page("/staff/certificates/expiring?days=366", signedIn)).contains("gc-expiring-table");
        assertThat(ApiRequests.auditActions(mvc, "StaffProfile", crew)).contains("STAFF_PROFILE_CREATED");
        assertThat(mvc.perform(get("/api/v1/staff/" + userId + "/shifts").with(as(crew))).andReturn().getResponse()
                .getContentAsString()).contains("DAY");
        assertThat(json.readTree(mvc.perform(get("/api/v1/staff/" + userId + "/certificates").with(as(crew)))
                .andReturn().getResponse().getContentAsString())).hasSize(1);
    }

    private String page(String url, RequestPostProcessor who) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url).with(who)).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
