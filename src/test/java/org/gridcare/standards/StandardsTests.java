package org.gridcare.standards;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridcare.ApiRequests;
import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.MutableClock;
import org.gridcare.TestDatabase;
import org.gridcare.identity.Role;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitKind;
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
import static org.gridcare.ApiRequests.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The service standards library through its API: the version workflow and who may move it, one version in force,
 * a version approved ahead switching at its date, SLA and reply clauses changing the live rules from their date,
 * diffs, acknowledgements and review reminders. Standards are made per test with unique codes; tests whose
 * clauses change live rules run with the clock in a far year of their own, so no other test sees those rules.
 */
@GridCareTest
class StandardsTests {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired StandardsScheduler scheduler;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService accounts;

    private OrgUnit city;
    private OrgUnit station;
    private String owner;
    private String reviewer;
    private String manager;
    private String agent;
    private String dispatcher;
    private String crew;
    private String outsider;

    @BeforeEach
    void world() {
        fixtures.root();
        city = fixtures.unit(Fixtures.unique("SC"), OrgUnitKind.CITY_COMPANY, "HQ");
        station = fixtures.unit(Fixtures.unique("SS"), OrgUnitKind.SUPPLY_STATION, city.code());
        OrgUnit otherCity = fixtures.unit(Fixtures.unique("SO"), OrgUnitKind.CITY_COMPANY, "HQ");
        owner = Fixtures.unique("sowner");
        reviewer = Fixtures.unique("srev");
        manager = Fixtures.unique("smgr");
        agent = Fixtures.unique("sagent");
        dispatcher = Fixtures.unique("sdisp");
        crew = Fixtures.unique("screw");
        outsider = Fixtures.unique("sout");
        fixtures.user(owner, city.code(), Role.SUPERVISOR);
        fixtures.user(reviewer, city.code(), Role.SUPERVISOR);
        fixtures.user(manager, city.code(), Role.MANAGER);
        fixtures.user(agent, station.code(), Role.AGENT);
        fixtures.user(dispatcher, station.code(), Role.DISPATCHER);
        fixtures.user(crew, station.code(), Role.FIELD_STAFF);
        fixtures.user(outsider, otherCity.code(), Role.AGENT);
    }

    @AfterEach
    void time() {
        clock.reset();
    }

    @Test
    void aVersionIsDraftedReviewedBySomeoneElseAndPublishedByAManager() throws Exception {
        String code = newCode();
        call(agent, post("/api/v1/standards"), standardBody(code, List.of()), 403);
        assertProblem(call(owner, post("/api/v1/standards"), Map.of("code", "bad code", "title", "",
                "category", "CONDUCT", "reviewIntervalMonths", 0, "body", "x"), 400), "code", "title",
                "reviewIntervalMonths");
        JsonNode created = call(owner, post("/api/v1/standards"), standardBody(code, List.of()), 201);
        assertThat(created.get("versions").get(0).get("status").asString()).isEqualTo("DRAFT");
        call(owner, post("/api/v1/standards"), standardBody(code, List.of()), 400);

        String v1 = "/api/v1/standards/" + code + "/versions/1";
        call(agent, put(v1), Map.of("version", 0, "body", "# 改"), 403);
        JsonNode edited = call(owner, put(v1), Map.of("version", 0, "body", "# 营业厅服务规范\n\n## 一、着装\n统一着装。"), 200);
        call(owner, put(v1), Map.of("version", 0, "body", "# stale"), 409);
        int version = edited.get("version").asInt();
        JsonNode submitted = act(owner, code, 1, "submit", Map.of("version", version), 200);
        assertThat(submitted.get("status").asString()).isEqualTo("IN_REVIEW");
        version = submitted.get("version").asInt();
        call(owner, put(v1), Map.of("version", version, "body", "# 评审中不可改"), 409);
        act(owner, code, 1, "approve", Map.of("version", version), 409);
        act(agent, code, 1, "approve", Map.of("version", version), 403);
        assertProblem(act(reviewer, code, 1, "reject", Map.of("version", version), 400), "comment");
        act(agent, code, 1, "comment", Map.of("version", version, "comment", "建议补充礼貌用语"), 200);
        JsonNode rejected = act(reviewer, code, 1, "reject", Map.of("version", version, "comment", "缺少服务用语"), 200);
        assertThat(rejected.get("status").asString()).isEqualTo("DRAFT");
        version = act(owner, code, 1, "submit", Map.of("version", rejected.get("version").asInt()), 200)
                .get("version").asInt();
        JsonNode approved = act(reviewer, code, 1, "approve", Map.of("version", version, "comment", "同意"), 200);
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("approvedBy").asString()).isEqualTo(reviewer);
        version = approved.get("version").asInt();
        act(owner, code, 1, "publish", Map.of("version", version), 403);
        assertProblem(act(manager, code, 1, "publish", Map.of("version", version,
                "effectiveFrom", Instant.now(clock).minus(Duration.ofDays(1)).toString()), 400), "effectiveFrom");
        JsonNode published = act(manager, code, 1, "publish", Map.of("version", version), 200);
        assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
        List<String> reviews = new ArrayList<>();
        published.get("reviews").forEach(r -> reviews.add(r.get("kind").asString()));
        assertThat(reviews).containsExactly("SUBMIT", "COMMENT", "REJECT", "SUBMIT", "APPROVE");
        assertThat(ApiRequests.auditActions(mvc, "Standard", code)).contains("STANDARD_CREATED",
                "STANDARD_DRAFT_EDITED", "STANDARD_VERSION_SUBMIT", "STANDARD_VERSION_REJECT",
                "STANDARD_VERSION_APPROVE", "STANDARD_VERSION_PUBLISH", "STANDARD_VERSION_IN_FORCE");

        // anyone may propose a change; the owner turns it into a draft
        JsonNode proposal = call(agent, post("/api/v1/standards/" + code + "/proposals"),
                Map.of("body", "增加老年客户优先服务"), 201);
        call(agent, post("/api/v1/standards/" + code + "/proposals/" + proposal.get("id").asLong() + "/adopt"),
                Map.of(), 403);
        JsonNode adopted = call(owner, post("/api/v1/standards/" + code + "/proposals/" + proposal.get("id").asLong()
                + "/adopt"), Map.of(), 200);
        assertThat(adopted.get("status").asString()).isEqualTo("ADOPTED");
        JsonNode detail = read(owner, "/api/v1/standards/" + code);
        assertThat(detail.get("versions").get(0).get("number").asInt()).isEqualTo(2);
        assertThat(detail.get("versions").get(0).get("status").asString()).isEqualTo("DRAFT");
        assertThat(detail.get("versions").get(0).get("changeNote").asString()).contains("增加老年客户优先服务");
    }

    @Test
    void oneVersionIsInForceAndAVersionApprovedAheadSwitchesAtItsDate() throws Exception {
        String code = newCode();
        publishFirst(code, List.of(), null);
        JsonNode draft = call(owner, post("/api/v1/standards/" + code + "/versions"), Map.of("changeNote", "修订"), 201);
        assertThat(draft.get("number").asInt()).isEqualTo(2);
        call(owner, post("/api/v1/standards/" + code + "/versions"), Map.of(), 409);
        call(owner, put("/api/v1/standards/" + code + "/versions/2"), Map.of("version", 0,
                "body", "# 第二版\n\n新增内容。"), 200);
        int version = act(owner, code, 2, "submit", Map.of("version", 1), 200).get("version").asInt();
        version = act(reviewer, code, 2, "approve", Map.of("version", version), 200).get("version").asInt();
        Instant effective = Instant.now(clock).plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        JsonNode scheduled = act(manager, code, 2, "publish", Map.of("version", version,
                "effectiveFrom", effective.toString()), 200);
        assertThat(scheduled.get("status").asString()).isEqualTo("APPROVED");
        assertThat(scheduled.get("scheduled").asBoolean()).isTrue();
        act(manager, code, 2, "publish", Map.of("version", scheduled.get("version").asInt()), 409);

        scheduler.run(Instant.now(clock));
        assertThat(inForce(code)).isEqualTo(1);
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        scheduler.run(Instant.now(clock));
        assertThat(inForce(code)).isEqualTo(2);
        JsonNode detail = read(owner, "/api/v1/standards/" + code);
        assertThat(detail.get("versions").get(1).get("status").asString()).isEqualTo("SUPERSEDED");
        assertThat(Instant.parse(detail.get("versions").get(1).get("endedAt").asString())).isEqualTo(effective);
        assertThat(jdbc.sql("""
                select count(*) from std_version v join std_standard s on s.id = v.standard_id
                where s.code = :code and v.status = 'PUBLISHED'
                """).param("code", code).query(Integer.class).single()).isEqualTo(1);
        // running the switch again changes nothing
        scheduler.run(Instant.now(clock));
        assertThat(inForce(code)).isEqualTo(2);
    }

    @Test
    void aPublishedSlaClauseChangesTheClocksOfOrdersAcceptedAfterItsEffectiveDateOnly() throws Exception {
        clock.set(Instant.parse("2101-03-01T02:00:00Z"));
        String code = newCode();
        Map<String, Object> clause = clockClause("CONTACT", "COMPLAINT", List.of("ACCEPTED"),
                List.of("TAKEN", "REPLIED"), 6, "HOURS");
        Instant effective = Instant.now(clock).plus(Duration.ofDays(1));
        JsonNode version = publishFirst(code, List.of(clause), effective);
        assertThat(version.get("status").asString()).isEqualTo("APPROVED");
        int policy = version.get("slaPolicyNumber").asInt();
        JsonNode policyVersion = json.readTree(mvc.perform(get("/api/v1/sla/policies/" + policy)
                .with(ApiRequests.asAdmin())).andReturn().getResponse().getContentAsString());
        assertThat(policyVersion.toString()).contains(code + " v1");

        String customer = customer();
        clock.advance(Duration.ofHours(1));
        JsonNode before = order("COMPLAINT", customer);
        Instant beforeDue = contactDue(before);
        assertThat(beforeDue).isNotEqualTo(acceptedAt(before).plus(Duration.ofHours(6)));

        clock.advance(Duration.ofDays(1));
        scheduler.run(Instant.now(clock));
        assertThat(inForce(code)).isEqualTo(1);
        JsonNode after = order("COMPLAINT", customer);
        assertThat(contactDue(after)).isEqualTo(acceptedAt(after).plus(Duration.ofHours(6)));
        JsonNode beforeAgain = read(agent, "/api/v1/work-orders/" + before.get("number").asString());
        assertThat(contactDue(beforeAgain)).isEqualTo(beforeDue);

        // compliance counts the orders whose clocks came from the standard: one contacted in time, one late
        take(after.get("number").asString());
        JsonNode late = order("COMPLAINT", customer);
        clock.advance(Duration.ofHours(7));
        take(late.get("number").asString());
        take(before.get("number").asString());
        JsonNode compliance = null;
        for (JsonNode s : read(manager, "/api/v1/standards/compliance?weeks=4").get("standards")) {
            if (s.get("code").asString().equals(code)) {
                compliance = s;
            }
        }
        assertThat(compliance).isNotNull();
        assertThat(compliance.get("judged").asLong()).isEqualTo(2);
        assertThat(compliance.get("met").asLong()).isEqualTo(1);
        assertThat(compliance.get("rate").asDouble()).isEqualTo(50.0);
        assertThat(mvc.perform(get("/api/v1/standards/compliance").with(as(agent))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }

    /** Dispatched and accepted by the crew: the TAKEN event stops the CONTACT clock. */
    private void take(String number) throws Exception {
        JsonNode order = orderAct(dispatcher, number, "dispatch",
                Map.of("version", read(agent, "/api/v1/work-orders/" + number).get("version").asInt(), "handler", crew), 200);
        orderAct(crew, number, "accept", Map.of("version", order.get("version").asInt()), 200);
    }

    @Test
    void aReplyMissingARequiredElementIsRefusedNamingIt() throws Exception {
        clock.set(Instant.parse("2102-03-01T02:00:00Z"));
        String code = newCode();
        Map<String, Object> element = Map.of("orderType", "COMPLAINT", "code", "APOLOGY", "label", "致歉",
                "keywords", List.of("致歉", "道歉", "抱歉"));
        publishFirst(code, List.of(), null, List.of(element));
        JsonNode order = order("COMPLAINT", customer());
        String number = order.get("number").asString();
        orderAct(dispatcher, number, "dispatch", Map.of("version", 0, "handler", crew), 200);
        orderAct(crew, number, "accept", Map.of("version", 1), 200);
        JsonNode refused = orderAct(crew, number, "reply", Map.of("version", 2, "replyText", "已核实电费无误"), 400);
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("replyText");
        assertThat(refused.get("errors").get(0).get("message").asString()).contains("致歉");
        JsonNode replied = orderAct(crew, number, "reply", Map.of("version", 2,
                "replyText", "已核实电费无误，对给您带来的不便深表歉意并致歉"), 200);
        assertThat(replied.get("status").asString()).isEqualTo("REPLIED");
    }

    @Test
    void theDiffShowsChangedLinesAndClausesSideBySide() throws Exception {
        clock.set(Instant.parse("2104-01-05T02:00:00Z"));
        String code = newCode();
        publishFirst(code, List.of(clockClause("REPLY", "OPINION", List.of("ACCEPTED", "REOPENED"),
                List.of("REPLIED"), 9, "WORKING_DAYS")), null);
        call(owner, post("/api/v1/standards/" + code + "/versions"), Map.of(), 201);
        call(owner, put("/api/v1/standards/" + code + "/versions/2"), Map.of("version", 0,
                "body", "# 行为规范\n\n## 一、用语\n使用文明用语，不得推诿。\n\n## 二、新增\n主动告知办理时限。",
                "clauses", Map.of("clocks", List.of(clockClause("REPLY", "OPINION", List.of("ACCEPTED", "REOPENED"),
                        List.of("REPLIED"), 5, "WORKING_DAYS")))), 200);
        JsonNode diff = read(owner, "/api/v1/standards/" + code + "/diff?from=1&to=2");
        assertThat(diff.get("changes").asInt()).isGreaterThan(0);
        List<String> changed = new ArrayList<>();
        diff.get("rows").forEach(r -> {
            if (!r.get("tag").asString().equals("EQUAL")) {
                changed.add(r.get("left").asString() + " => " + r.get("right").asString());
            }
        });
        assertThat(changed).anyMatch(c -> c.contains("9 WORKING_DAYS") && c.contains("5 WORKING_DAYS"));
        assertThat(changed).anyMatch(c -> c.contains("主动告知办理时限"));
        assertThat(changed).noneMatch(c -> c.contains("# 行为规范"));
    }

    @Test
    void acknowledgementsAreTrackedWithOverdueStaff() throws Exception {
        String code = newCode();
        publishFirst(code, List.of(), null);
        JsonNode tasks = read(agent, "/api/v1/standards/tasks");
        assertThat(tasks.get("acknowledgements").toString()).contains(code);
        assertThat(tasks.get("notices").toString()).contains(code, "PUBLISHED");
        assertThat(read(outsider, "/api/v1/standards/tasks").get("acknowledgements").toString()).doesNotContain(code);

        JsonNode acks = read(manager, "/api/v1/standards/" + code).get("acknowledgements");
        assertThat(acks.get("bound").asInt()).isEqualTo(1);
        assertThat(acks.get("acknowledged").asInt()).isZero();
        assertThat(acks.get("rows").get(0).get("username").asString()).isEqualTo(agent);
        assertThat(read(agent, "/api/v1/standards/" + code).get("acknowledgements").get("rows").size())
                .as("an agent sees only their own acknowledgement").isZero();

        clock.advance(Duration.ofDays(15));
        acks = read(manager, "/api/v1/standards/" + code).get("acknowledgements");
        assertThat(acks.get("overdue").asInt()).isEqualTo(1);
        assertThat(acks.get("rows").get(0).get("overdue").asBoolean()).isTrue();

        JsonNode mine = call(agent, post("/api/v1/standards/" + code + "/acknowledge"), Map.of(), 200);
        assertThat(mine.get("mine").get("acknowledgedAt").isNull()).isFalse();
        call(agent, post("/api/v1/standards/" + code + "/acknowledge"), Map.of(), 409);
        call(outsider, post("/api/v1/standards/" + code + "/acknowledge"), Map.of(), 409);
        acks = read(manager, "/api/v1/standards/" + code).get("acknowledgements");
        assertThat(acks.get("acknowledged").asInt()).isEqualTo(1);
        assertThat(acks.get("overdue").asInt()).isZero();
        assertThat(read(agent, "/api/v1/standards/tasks").get("acknowledgements").toString()).doesNotContain(code);
        assertThat(ApiRequests.auditActions(mvc, "Standard", code)).contains("STANDARD_ACKNOWLEDGED");
    }

    @Test
    void theOwnersAreRemindedOnceWhenTheReviewDateComes() throws Exception {
        String code = newCode();
        Map<String, Object> body = new HashMap<>(standardBody(code, List.of()));
        body.put("reviewIntervalMonths", 1);
        publishWith(code, body, null);
        scheduler.run(Instant.now(clock));
        assertThat(reviewNotices(owner, code)).isZero();
        assertThat(read(owner, "/api/v1/standards/" + code).get("reviewDue").asBoolean()).isFalse();

        clock.advance(Duration.ofDays(32));
        scheduler.run(Instant.now(clock));
        assertThat(reviewNotices(owner, code)).isEqualTo(1);
        assertThat(reviewNotices(manager, code)).isEqualTo(1);
        assertThat(reviewNotices(agent, code)).isZero();
        assertThat(read(owner, "/api/v1/standards/" + code).get("reviewDue").asBoolean()).isTrue();
        scheduler.run(Instant.now(clock));
        assertThat(reviewNotices(owner, code)).as("reminded once per review date").isEqualTo(1);
        assertThat(ApiRequests.auditActions(mvc, "Standard", code)).contains("STANDARD_REVIEW_DUE");
    }

    @Test
    void theConsolePagesShowTheLibraryAStandardItsVersionsAndTheDashboard() throws Exception {
        clock.set(Instant.parse("2104-06-01T02:00:00Z"));
        String code = newCode();
        publishFirst(code, List.of(clockClause("REPLY", "OPINION", List.of("ACCEPTED", "REOPENED"),
                List.of("REPLIED"), 9, "WORKING_DAYS")), null);
        var signedIn = user(accounts.loadUserByUsername(owner));
        assertThat(page(signedIn, "/standards")).contains("gc-standards-table", code, "GC-TS-001");
        assertThat(page(signedIn, "/standards/" + code)).contains("gc-standard-versions", "gc-standard-revise");
        assertThat(page(signedIn, "/standards/" + code + "/versions/1")).contains("gc-version-status",
                "gc-clause-limit");
        assertThat(page(signedIn, "/standards/GC-TS-001")).contains("gc-standard-body", "<h1>投诉处理规范</h1>");
        var revised = mvc.perform(post("/standards/" + code + "/revise").with(signedIn).with(csrf())).andReturn()
                .getResponse();
        assertThat(revised.getRedirectedUrl()).endsWith("/standards/" + code + "/versions/2/edit");
        assertThat(page(signedIn, "/standards/" + code + "/versions/2/edit")).contains("gc-draft-form",
                "clocks[0].amount", "replies[0].code");
        String refused = mvc.perform(post("/standards/" + code + "/versions/2/edit").with(signedIn).with(csrf())
                .param("version", "0").param("body", "# x").param("clocks[0].clockName", "REPLY")
                .param("clocks[0].orderType", "OPINION").param("clocks[0].startEvents", "ACCEPTED")
                .param("clocks[0].stopEvents", "REPLIED").param("clocks[0].amount", "0")
                .param("clocks[0].unit", "WORKING_DAYS")).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("gc-form-error", "clauses.clocks[0].amount");
        var saved = mvc.perform(post("/standards/" + code + "/versions/2/edit").with(signedIn).with(csrf())
                .param("version", "0").param("body", "# 第二版").param("clocks[0].clockName", "REPLY")
                .param("clocks[0].orderType", "OPINION").param("clocks[0].startEvents", "ACCEPTED,REOPENED")
                .param("clocks[0].stopEvents", "REPLIED").param("clocks[0].amount", "7")
                .param("clocks[0].unit", "WORKING_DAYS")).andReturn().getResponse();
        assertThat(saved.getRedirectedUrl()).endsWith("/standards/" + code + "/versions/2");
        assertThat(page(signedIn, "/standards/" + code + "/diff?from=1&to=2")).contains("gc-diff", "7 WORKING_DAYS");
        assertThat(page(signedIn, "/standards/dashboard")).contains("gc-compliance", "GC-TS-001");
        assertThat(page(signedIn, "/standards/GC-TS-001/evaluation")).contains("gc-evaluation-compliance");
        assertThat(mvc.perform(get("/api/v1/standards/compliance").with(as(owner))).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
    }

    // ---- helpers

    private String newCode() {
        return "T-" + Fixtures.unique("").toUpperCase().replaceAll("[^A-Z0-9]", "");
    }

    private Map<String, Object> standardBody(String code, List<Map<String, Object>> clocks) {
        return standardBody(code, clocks, List.of());
    }

    private Map<String, Object> standardBody(String code, List<Map<String, Object>> clocks,
                                             List<Map<String, Object>> replyElements) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("title", "测试标准 " + code);
        body.put("category", "CONDUCT");
        body.put("ownerUnitCode", city.code());
        body.put("scopeUnitCodes", List.of(city.code()));
        body.put("scopeRoles", List.of("AGENT"));
        body.put("reviewIntervalMonths", 12);
        body.put("body", "# 行为规范\n\n## 一、用语\n使用文明用语，不得推诿。");
        body.put("clauses", Map.of("clocks", clocks, "replyElements", replyElements));
        return body;
    }

    private JsonNode publishFirst(String code, List<Map<String, Object>> clocks, Instant effectiveFrom)
            throws Exception {
        return publishFirst(code, clocks, effectiveFrom, List.of());
    }

    private JsonNode publishFirst(String code, List<Map<String, Object>> clocks, Instant effectiveFrom,
                                  List<Map<String, Object>> replyElements) throws Exception {
        return publishWith(code, standardBody(code, clocks, replyElements), effectiveFrom);
    }

    /** Creates the standard, submits, approves and publishes v1 (now, or scheduled for {@code effectiveFrom}). */
    private JsonNode publishWith(String code, Map<String, Object> body, Instant effectiveFrom) throws Exception {
        call(owner, post("/api/v1/standards"), body, 201);
        int version = act(owner, code, 1, "submit", Map.of("version", 0), 200).get("version").asInt();
        version = act(reviewer, code, 1, "approve", Map.of("version", version), 200).get("version").asInt();
        Map<String, Object> publish = new HashMap<>();
        publish.put("version", version);
        if (effectiveFrom != null) {
            publish.put("effectiveFrom", effectiveFrom.toString());
        }
        return act(manager, code, 1, "publish", publish, 200);
    }

    private static Map<String, Object> clockClause(String clock, String type, List<String> starts, List<String> stops,
                                                   int amount, String unit) {
        Map<String, Object> clause = new HashMap<>();
        clause.put("clockName", clock);
        clause.put("orderType", type);
        clause.put("startEvents", starts);
        clause.put("stopEvents", stops);
        clause.put("amount", amount);
        clause.put("unit", unit);
        clause.put("note", "测试条款");
        return clause;
    }

    private int inForce(String code) throws Exception {
        JsonNode row = null;
        for (JsonNode s : read(owner, "/api/v1/standards")) {
            if (s.get("code").asString().equals(code)) {
                row = s;
            }
        }
        assertThat(row).isNotNull();
        return row.get("inForce").asInt();
    }

    private long reviewNotices(String username, String code) {
        return jdbc.sql("""
                select count(*) from std_notice n join std_standard s on s.id = n.standard_id
                where n.recipient = :u and s.code = :code and n.kind = 'REVIEW_DUE'
                """).param("u", username).param("code", code).query(Long.class).single();
    }

    private String customer() throws Exception {
        String number = "33" + String.format("%010d", Math.abs(System.nanoTime()) % 10_000_000_000L);
        var body = Map.of("number", number, "name", "客户" + number.substring(8), "kind", "RESIDENTIAL",
                "voltageLevel", "AC220V", "address", "西湖区 1 号", "phone", "13812345678", "unitCode", station.code());
        assertThat(mvc.perform(post("/api/v1/customers").with(httpBasic("admin", TestDatabase.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))).andReturn()
                .getResponse().getStatus()).isEqualTo(201);
        return number;
    }

    private JsonNode order(String type, String customer) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("category", "COMPLAINT.SERVICE");
        body.put("channel", "HOTLINE_95598");
        body.put("priority", "NORMAL");
        body.put("customerNumber", customer);
        body.put("callerName", "李四");
        body.put("callerPhone", "13900001111");
        body.put("description", "服务态度差");
        return call(agent, post("/api/v1/work-orders"), body, 201);
    }

    private JsonNode orderAct(String username, String number, String action, Map<String, Object> body, int expected)
            throws Exception {
        return call(username, post("/api/v1/work-orders/" + number + "/" + action), body, expected);
    }

    private static Instant contactDue(JsonNode order) {
        for (JsonNode c : order.get("clocks")) {
            if (c.get("name").asString().equals("CONTACT")) {
                return Instant.parse(c.get("dueAt").asString());
            }
        }
        throw new AssertionError("no CONTACT clock: " + order.get("clocks"));
    }

    private static Instant acceptedAt(JsonNode order) {
        return Instant.parse(order.get("createdAt").asString());
    }

    private JsonNode act(String username, String code, int number, String action, Map<String, Object> body,
                         int expected) throws Exception {
        return call(username, post("/api/v1/standards/" + code + "/versions/" + number + "/" + action), body, expected);
    }

    private JsonNode call(String username, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder
            request, Map<String, Object> body, int expected) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(as(username))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))).andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        String content = response.getContentAsString();
        return content.isBlank() ? json.readTree("{}") : json.readTree(content);
    }

    private JsonNode read(String username, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(as(username))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return json.readTree(response.getContentAsString());
    }

    private String page(org.springframework.test.web.servlet.request.RequestPostProcessor signedIn, String path)
            throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(signedIn)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path + ": " + response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }

    private void assertProblem(JsonNode problem, String... fields) {
        List<String> named = new ArrayList<>();
        problem.get("errors").forEach(e -> named.add(e.get("field").asString()));
        assertThat(named).contains(fields);
    }
}
