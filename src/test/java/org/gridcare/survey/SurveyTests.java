package org.gridcare.survey;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.MutableClock;
import org.gridcare.identity.Role;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitKind;
import org.gridcare.workorder.VisitResult;
import org.gridcare.workorder.WorkOrderType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gridcare.ApiRequests.as;
import static org.gridcare.ApiRequests.asAdmin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Self-rating links: issued after an approved review by the sampling rules, used once through the public page
 * (no sign-in, CSRF on), recorded as a SELF_RATING visit; forged, reused and expired links each get a page.
 */
@GridCareTest
class SurveyTests {

    private static final Pattern LINK = Pattern.compile("/s/(\\S+)");

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired Surveys surveys;
    @Autowired MutableClock clock;
    @Autowired UserDetailsService accounts;

    private OrgUnit station;
    private String agent;
    private String dispatcher;
    private String crew;
    private String supervisor;
    private SurveySettings defaults;

    @BeforeEach
    void world() {
        fixtures.root();
        String city = Fixtures.unique("SC");
        fixtures.unit(city, OrgUnitKind.CITY_COMPANY, "HQ");
        station = fixtures.unit(Fixtures.unique("SS"), OrgUnitKind.SUPPLY_STATION, city);
        agent = Fixtures.unique("sagent");
        dispatcher = Fixtures.unique("sdisp");
        crew = Fixtures.unique("screw");
        supervisor = Fixtures.unique("ssup");
        fixtures.user(agent, station.code(), Role.AGENT);
        fixtures.user(dispatcher, station.code(), Role.DISPATCHER);
        fixtures.user(crew, station.code(), Role.FIELD_STAFF);
        fixtures.user(supervisor, station.code(), Role.SUPERVISOR);
        defaults = surveys.settings();
        rules(Map.of(WorkOrderType.COMPLAINT, BigDecimal.ONE), List.of(), 30, 72);
    }

    @AfterEach
    void restore() {
        clock.reset();
        SurveySettings current = surveys.settings();
        surveys.change(new Surveys.Change(defaults.customerIntervalDays(), defaults.linkValidityHours(),
                defaults.scoreResults(), defaults.samplingRates(), defaults.staffContacts(), current.version()),
                Fixtures.admin());
    }

    @Test
    void aLinkIsUsedOnceAndItsScoreBecomesTheOrdersVisit() throws Exception {
        String phone = phone();
        String number = reviewedComplaint(customer(), phone);
        String token = awaitToken(number);
        String page = mvc.perform(get("/s/" + token)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("gc-survey-form", number).doesNotContain(phone);
        assertThat(mvc.perform(post("/s/" + token).param("score", "4")).andReturn().getResponse().getStatus())
                .as("no CSRF token").isEqualTo(403);
        var missing = mvc.perform(post("/s/" + token).with(csrf())).andReturn().getResponse();
        assertThat(missing.getContentAsString()).contains("score-errors", "gc-survey-form");

        var done = mvc.perform(post("/s/" + token).with(csrf()).param("score", "3").param("comment", "来得有点慢"))
                .andReturn().getResponse();
        assertThat(done.getStatus()).isEqualTo(200);
        assertThat(done.getContentAsString()).contains("gc-survey-thanks");
        JsonNode order = order(number);
        assertThat(order.get("status").asString()).isEqualTo("VISITED");
        assertThat(order.get("satisfaction").asString()).isEqualTo("BASICALLY_SATISFIED");
        JsonNode visits = read(mvc.perform(get("/api/v1/work-orders/" + number + "/visits").with(asAdmin()))
                .andReturn().getResponse());
        assertThat(visits).hasSize(1);
        assertThat(visits.get(0).get("source").asString()).isEqualTo("SELF_RATING");
        assertThat(visits.get(0).get("score").asInt()).isEqualTo(3);
        assertThat(visits.get(0).get("comment").asString()).isEqualTo("来得有点慢");

        var again = mvc.perform(post("/s/" + token).with(csrf()).param("score", "1")).andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(410);
        assertThat(again.getContentAsString()).contains("gc-survey-used");
        assertThat(mvc.perform(get("/s/" + token)).andReturn().getResponse().getContentAsString())
                .contains("gc-survey-used");
        assertThat(jdbc.sql("select count(*) from work_order_visit v join work_order o on o.id = v.order_id "
                + "where o.number = :n").param("n", number).query(Long.class).single()).isOne();
    }

    @Test
    void aForgedLinkSaysOnlyInvalidAndAnExpiredOneSaysExpired() throws Exception {
        String number = reviewedComplaint(customer(), phone());
        String token = awaitToken(number);
        String[] parts = token.split("\\.");
        String otherId = (Long.parseLong(parts[0]) + 1) + "." + parts[1] + "." + parts[2];
        char last = parts[2].charAt(0);
        String tampered = parts[0] + "." + parts[1] + "." + (last == 'A' ? 'B' : 'A') + parts[2].substring(1);
        for (String forged : List.of(otherId, tampered, "garbage", parts[0] + "." + parts[1] + ".x", "<script>")) {
            MockHttpServletResponse response = mvc.perform(get("/s/{t}", forged)).andReturn().getResponse();
            assertThat(response.getStatus()).as(forged).isEqualTo(404);
            assertThat(response.getContentAsString()).contains("gc-survey-invalid").doesNotContain(number);
            response = mvc.perform(post("/s/{t}", forged).with(csrf()).param("score", "5")).andReturn().getResponse();
            assertThat(response.getStatus()).as(forged).isEqualTo(404);
        }
        clock.advance(Duration.ofHours(73));
        MockHttpServletResponse expired = mvc.perform(post("/s/" + token).with(csrf()).param("score", "5"))
                .andReturn().getResponse();
        assertThat(expired.getStatus()).isEqualTo(410);
        assertThat(expired.getContentAsString()).contains("gc-survey-expired");
        assertThat(order(number).get("status").asString()).isEqualTo("REVIEWED");
    }

    @Test
    void anOrderVisitedByAnAgentClosesItsLink() throws Exception {
        String number = reviewedComplaint(customer(), phone());
        String token = awaitToken(number);
        var visit = mvc.perform(post("/api/v1/work-orders/" + number + "/visit").with(as(agent))
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":4,\"result\":\"SATISFIED\"}"))
                .andReturn().getResponse();
        assertThat(visit.getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/s/" + token)).andReturn().getResponse().getContentAsString())
                .contains("gc-survey-closed");
    }

    @Test
    void samplingRateStaffContactsAndTheIntervalPerCustomerDecideWhoGetsALink() throws Exception {
        String customer = customer();
        String first = reviewedComplaint(customer, phone());
        awaitToken(first);
        String second = reviewedComplaint(customer, phone());
        assertThat(surveys.issueFor(orderId(second))).isEqualTo(Surveys.Skip.RECENTLY_SURVEYED);

        String staffPhone = phone();
        rules(Map.of(WorkOrderType.COMPLAINT, BigDecimal.ONE), List.of(staffPhone), 30, 72);
        String staffs = reviewedComplaint(customer(), staffPhone);
        assertThat(surveys.issueFor(orderId(staffs))).isEqualTo(Surveys.Skip.STAFF);

        rules(Map.of(WorkOrderType.COMPLAINT, BigDecimal.ZERO), List.of(), 30, 72);
        String unsampled = reviewedComplaint(customer(), phone());
        assertThat(surveys.issueFor(orderId(unsampled))).isEqualTo(Surveys.Skip.NOT_SAMPLED);
        assertThat(messages(second) + messages(staffs) + messages(unsampled)).isZero();

        // a share of 0.5 samples about half of many numbers, and always the same ones
        int sampled = 0;
        for (int i = 0; i < 2000; i++) {
            if (Surveys.sampled("GD20260101" + "%06d".formatted(i), new BigDecimal("0.5"))) {
                sampled++;
            }
        }
        assertThat(sampled).isBetween(900, 1100);
        assertThat(Surveys.sampled("GD20260101000001", new BigDecimal("0.5")))
                .isEqualTo(Surveys.sampled("GD20260101000001", new BigDecimal("0.5")));
    }

    @Test
    void theSettingsPageValidatesAndAuditsAndTheOutboxMasksPhonesAndLinks() throws Exception {
        String phone = phone();
        String number = reviewedComplaint(customer(), phone);
        awaitToken(number);
        String outbox = mvc.perform(get("/surveys/outbox").with(user(accounts.loadUserByUsername(supervisor))))
                .andReturn().getResponse().getContentAsString();
        assertThat(outbox).contains("gc-survey-outbox", number, phone.substring(0, 3) + "****")
                .doesNotContain(phone).doesNotContain(awaitToken(number));

        var admin = user(accounts.loadUserByUsername("admin"));
        assertThat(mvc.perform(get("/admin/surveys/settings").with(admin)).andReturn().getResponse()
                .getContentAsString()).contains("gc-visit-settings", "gc-survey-settings-form");
        String invalid = mvc.perform(post("/admin/surveys/settings").with(admin).with(csrf())
                .param("version", String.valueOf(surveys.settings().version())).param("customerIntervalDays", "30")
                .param("linkValidityHours", "0").param("scores[0]", "DISSATISFIED").param("scores[1]", "DISSATISFIED")
                .param("scores[2]", "BASICALLY_SATISFIED").param("scores[3]", "SATISFIED")
                .param("scores[4]", "SATISFIED")).andReturn().getResponse().getContentAsString();
        assertThat(invalid).contains("is-invalid", "linkValidityHours-errors");
        // a score left empty (a crafted form; it was a server error) is a form error too
        String noScore = mvc.perform(post("/admin/surveys/settings").with(admin).with(csrf())
                .param("version", String.valueOf(surveys.settings().version())).param("customerIntervalDays", "30")
                .param("linkValidityHours", "48").param("scores[0]", "DISSATISFIED").param("scores[1]", "DISSATISFIED")
                .param("scores[2]", "").param("scores[3]", "SATISFIED").param("scores[4]", "SATISFIED"))
                .andReturn().getResponse().getContentAsString();
        assertThat(noScore).contains("gc-survey-settings-form", "每个分数须对应");
        var saved = mvc.perform(post("/admin/surveys/settings").with(admin).with(csrf())
                .param("version", String.valueOf(surveys.settings().version())).param("customerIntervalDays", "14")
                .param("linkValidityHours", "48").param("scores[0]", "DISSATISFIED").param("scores[1]", "DISSATISFIED")
                .param("scores[2]", "DISSATISFIED").param("scores[3]", "SATISFIED").param("scores[4]", "SATISFIED")
                .param("rates[COMPLAINT]", "0.75").param("staffContacts", "13700000000\n13700000001"))
                .andReturn().getResponse();
        assertThat(saved.getStatus()).isEqualTo(302);
        SurveySettings now = surveys.settings();
        assertThat(now.customerIntervalDays()).isEqualTo(14);
        assertThat(now.resultOf(3)).isEqualTo(VisitResult.DISSATISFIED);
        assertThat(now.rateOf(WorkOrderType.COMPLAINT)).isEqualByComparingTo("0.75");
        assertThat(now.staffContacts()).containsExactly("13700000000", "13700000001");
        String turnOff = mvc.perform(post("/admin/surveys/visit-settings/COMPLAINT").with(admin).with(csrf())
                .param("version", "0").param("maxAttempts", "3").param("dissatisfiedAction", "ESCALATE"))
                .andReturn().getResponse().getContentAsString();
        assertThat(turnOff).contains("gc-visit-setting-errors");
        assertThat(org.gridcare.ApiRequests.auditActions(mvc, "SurveySettings", "1")).contains("SURVEY_SETTINGS_CHANGED");
        assertThat(mvc.perform(get("/admin/surveys/settings").with(user(accounts.loadUserByUsername(supervisor))))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    // ---- helpers

    private void rules(Map<WorkOrderType, BigDecimal> rates, List<String> staff, int days, int hours) {
        SurveySettings current = surveys.settings();
        Map<WorkOrderType, BigDecimal> all = new HashMap<>(current.samplingRates());
        all.putAll(rates);
        surveys.change(new Surveys.Change(days, hours, current.scoreResults(), all, staff, current.version()),
                Fixtures.admin());
    }

    private static String phone() {
        return "139" + String.format("%08d", Math.abs(System.nanoTime()) % 100_000_000L);
    }

    private String customer() throws Exception {
        String number = "34" + String.format("%010d", Math.abs(System.nanoTime()) % 10_000_000_000L);
        var body = Map.of("number", number, "name", "客户" + number.substring(8), "kind", "RESIDENTIAL",
                "voltageLevel", "AC220V", "address", "余杭区 1 号", "phone", "13812345678", "unitCode", station.code());
        int status = mvc.perform(post("/api/v1/customers").with(asAdmin()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(201);
        return number;
    }

    private String reviewedComplaint(String customer, String phone) throws Exception {
        var body = Map.of("type", "COMPLAINT", "category", "COMPLAINT.SERVICE", "channel", "HOTLINE_95598",
                "priority", "NORMAL", "customerNumber", customer, "callerName", "赵六", "callerPhone", phone,
                "description", "营业厅态度差");
        String number = read(mvc.perform(post("/api/v1/work-orders").with(as(agent))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))).andReturn()
                .getResponse()).get("number").asString();
        act(dispatcher, number, "dispatch", Map.of("version", 0, "handler", crew));
        act(crew, number, "accept", Map.of("version", 1));
        act(crew, number, "reply", Map.of("version", 2, "replyText", "经核实情况属实，已致歉"));
        act(supervisor, number, "review", Map.of("version", 3, "approved", true));
        return number;
    }

    private void act(String user, String number, String action, Map<String, Object> body) throws Exception {
        var response = mvc.perform(post("/api/v1/work-orders/" + number + "/" + action).with(as(user))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))).andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    }

    private String awaitToken(String number) {
        await().atMost(Duration.ofSeconds(20)).until(() -> messages(number) > 0);
        String body = jdbc.sql("select body from survey_message where order_number = :n").param("n", number)
                .query(String.class).single();
        Matcher matcher = LINK.matcher(body);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private long messages(String number) {
        return jdbc.sql("select count(*) from survey_message where order_number = :n").param("n", number)
                .query(Long.class).single();
    }

    private long orderId(String number) {
        return jdbc.sql("select id from work_order where number = :n").param("n", number).query(Long.class).single();
    }

    private JsonNode order(String number) throws Exception {
        return read(mvc.perform(get("/api/v1/work-orders/" + number).with(asAdmin())).andReturn().getResponse());
    }

    private JsonNode read(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsString());
    }
}
