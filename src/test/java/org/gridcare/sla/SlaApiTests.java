package org.gridcare.sla;

import java.nio.charset.StandardCharsets;

import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.TestDatabase;
import org.gridcare.identity.Role;
import org.gridcare.organisation.OrgUnitKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@GridCareTest
class SlaApiTests {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", TestDatabase.ADMIN_PASSWORD);

    @Autowired MockMvc mvc;
    @Autowired WorkingCalendar calendar;
    @Autowired Fixtures fixtures;

    @Test
    void previewTellsWhenAComplaintAcceptedBeforeNationalDayWillBeAnswered() throws Exception {
        mvc.perform(get("/api/v1/sla/preview").with(ADMIN)
                        .param("type", "COMPLAINT").param("priority", "NORMAL").param("areaType", "URBAN")
                        .param("channel", "HOTLINE_95598").param("start", "2025-09-30T10:00:00+08:00"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.clocks[*].name", containsInAnyOrder("FIRST_RESPONSE", "CONTACT", "REPLY")))
                .andExpect(jsonPath("$.clocks[?(@.name == 'REPLY')].dueAt", hasItem("2025-10-13T16:00:00Z")))
                .andExpect(jsonPath("$.clocks[?(@.name == 'CONTACT')].dueAt", hasItem("2025-10-01T02:00:00Z")));
    }

    @Test
    void previewRefusesUnknownValuesAndBadTimestampsNamingTheField() throws Exception {
        mvc.perform(get("/api/v1/sla/preview").with(ADMIN).param("type", "COMPLAINTS").param("start", "2025-09-30"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("type", "start")));
        mvc.perform(get("/api/v1/sla/preview").with(ADMIN).param("type", "COMPLAINT").param("subType", "RECONNECTION")
                        .param("channel", "FAX").param("areaType", "CITY").param("priority", "LOW"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("subType", "channel", "areaType", "priority")));
        mvc.perform(get("/api/v1/sla/preview").with(ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("type"));
    }

    @Test
    void calendarYearListsHolidaysAndMakeUpDays() throws Exception {
        mvc.perform(get("/api/v1/calendar/2025").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.makeUpDays[*].date", hasItem("2025-10-11")))
                .andExpect(jsonPath("$.holidays[*].date", hasItem("2025-10-08")))
                .andExpect(jsonPath("$.holidays.length()").value(28));
        mvc.perform(get("/api/v1/calendar/1800").with(ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("year"));
    }

    @Test
    void importWithAnyBadRowSavesNothingAndReportsEveryBadRow() throws Exception {
        String csv = """
                date,kind,name
                2031-01-01,HOLIDAY,元旦
                2031-02-30,HOLIDAY,春节
                2031-03-03,WORKDAY,调休
                2031-04-04,DAYOFF,清明节
                2031-05-01,HOLIDAY,
                2031-01-01,HOLIDAY,元旦
                """;
        mvc.perform(multipart("/api/v1/calendar/import").file(file(csv)).with(ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("rows[3].date", "rows[4].kind",
                        "rows[5].kind", "rows[6].name", "rows[7].date")));
        mvc.perform(get("/api/v1/calendar/2031").with(ADMIN))
                .andExpect(jsonPath("$.holidays.length()").value(0));
    }

    @Test
    void importAddsALaterYearAndOnlyAnAdministratorMayImport() throws Exception {
        String csv = "date,kind,name\n2032-10-01,HOLIDAY,国庆节\n2032-10-09,WORKDAY,国庆节调休上班\n";
        String unit = Fixtures.unique("SLA");
        fixtures.unit(unit, OrgUnitKind.CITY_COMPANY, fixtures.root().code());
        String agent = Fixtures.unique("sla-agent");
        fixtures.user(agent, unit, Role.AGENT);
        mvc.perform(multipart("/api/v1/calendar/import").file(file(csv)).with(httpBasic(agent, Fixtures.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/calendar/import").file(file(csv)).with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(2));
        mvc.perform(get("/api/v1/calendar/2032").with(httpBasic(agent, Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.holidays[0].date").value("2032-10-01"))
                .andExpect(jsonPath("$.makeUpDays[0].date").value("2032-10-09"));
        assertThat(calendar.workingDays().isWorkingDay(java.time.LocalDate.parse("2032-10-09"))).isTrue();
        assertThat(calendar.workingDays().isWorkingDay(java.time.LocalDate.parse("2032-10-01"))).isFalse();
    }

    @Test
    void importWithoutAFileNamesTheFileField() throws Exception {
        mvc.perform(multipart("/api/v1/calendar/import").file(file("")).with(ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
    }

    @Test
    void anImportThatIsNoUploadIsBadInputNotAServerError() throws Exception {
        // an upload sent as JSON, and a multipart body whose boundary never comes: both were server errors
        mvc.perform(post("/api/v1/calendar/import").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"file\":\"2031-05-01,HOLIDAY,劳动节\"}"))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(post("/api/v1/calendar/import").with(ADMIN).contentType("multipart/form-data; boundary=xyz")
                        .content("garbage"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/calendar/2031").with(ADMIN))
                .andExpect(jsonPath("$.holidays.length()").value(0));
    }

    @Test
    void anAdministratorMarksAndRemovesSingleDays() throws Exception {
        mvc.perform(put("/api/v1/calendar/days/2034-01-02").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"HOLIDAY\",\"name\":\"元旦补休\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("HOLIDAY"));
        mvc.perform(get("/api/v1/calendar/2034").with(ADMIN))
                .andExpect(jsonPath("$.holidays[0].name").value("元旦补休"));
        // a make-up working day on a Tuesday makes no sense
        mvc.perform(put("/api/v1/calendar/days/2034-01-03").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"WORKDAY\",\"name\":\"调休\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        mvc.perform(delete("/api/v1/calendar/days/2034-01-02").with(ADMIN)).andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/calendar/days/2034-01-02").with(ADMIN)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/calendar/2034").with(ADMIN)).andExpect(jsonPath("$.holidays.length()").value(0));
    }

    @Test
    void thePolicyApiShowsTheRulesWithTheirSourcesAndRefusesABadVersionNamingTheField() throws Exception {
        mvc.perform(get("/api/v1/sla/policies/1").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version.number").value(1))
                .andExpect(jsonPath("$.rules[?(@.clockName == 'ARRIVAL' && @.areaType == 'REMOTE')].amount", hasItem(120)))
                .andExpect(jsonPath("$.rules[?(@.clockName == 'REPLY' && @.orderType == 'OPINION')].assumed", hasItem(true)));
        mvc.perform(post("/api/v1/sla/policies").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"effectiveFrom":"2099-01-01T00:00:00Z","note":"bad","rules":[
                                 {"clockName":"REPLY","orderType":"COMPLAINT","startEvents":["ACCEPTED"],
                                  "stopEvents":["REPLIED"],"amount":4,"unit":"FORTNIGHTS"}]}
                                """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rules[0].unit"));
        mvc.perform(get("/api/v1/sla/policies").with(ADMIN))
                .andExpect(jsonPath("$.items[?(@.note == 'bad')]").isEmpty());
    }

    private static MockMultipartFile file(String content) {
        return new MockMultipartFile("file", "calendar.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }
}
