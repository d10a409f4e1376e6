package org.gridcare.complaint;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gridcare.ApiRequests;
import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.MutableClock;
import org.gridcare.identity.Role;
import org.gridcare.shared.security.Actor;
import org.gridcare.workorder.Action;
import org.gridcare.workorder.ActionRequest;
import org.gridcare.workorder.Channel;
import org.gridcare.workorder.NewWorkOrder;
import org.gridcare.workorder.Priority;
import org.gridcare.workorder.WorkOrderType;
import org.gridcare.workorder.WorkOrders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.ApiRequests.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A complaint case from the order to its closure: grading and the grade's clocks (working days by the sla
 * calendar; MAJOR tightens them and tells the managers), warnings and breaches, investigation → reviewer approval
 * → rectification → verification → close; the appeal (申诉/核减) and what it does to the KPI figures.
 */
@GridCareTest
class ComplaintLifecycleTests {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired ComplaintDeadlineScanner scanner;
    @Autowired WorkOrders workOrders;
    @Autowired TransactionTemplate tx;

    private ComplaintWorld world;

    @BeforeEach
    void world() {
        world = new ComplaintWorld(fixtures, mvc, json, clock);
    }

    @AfterEach
    void time() {
        clock.reset();
    }

    @Test
    void aComplaintOrderAcceptedAndCancelledInOneTransactionLeavesItsCaseWithdrawn() throws Exception {
        world.at("2026-03-09T10:00");
        String customer = world.customer(world.stationA);
        long unit = world.stationA.id().value();
        Actor agent = Fixtures.TestActor.of(0, world.agentA, unit, Role.AGENT);
        Actor supervisor = Fixtures.TestActor.of(0, world.supervisorA, unit, Role.SUPERVISOR);
        String number = tx.execute(status -> {
            String created = workOrders.create(new NewWorkOrder(WorkOrderType.COMPLAINT, null, "COMPLAINT.SERVICE",
                    Channel.HOTLINE_95598, Priority.NORMAL, customer, "王五", "13900002222", null, "态度差", null, null,
                    null), null, agent).order().number();
            // the case of an order accepted in this transaction opens before the cancellation withdraws it
            workOrders.act(created, Action.CANCEL, new ActionRequest(0, null, null, null, null, null, null, null,
                    null, "客户撤诉", null, null), supervisor);
            return created;
        });
        assertThat(world.caseOf(number).get("status").asString()).isEqualTo("WITHDRAWN");
    }

    @Test
    void aComplaintTakenWithMediaAttentionOpensMajorAndTellsTheManagersAndTheNextOneOfTheCustomerIsARepeat()
            throws Exception {
        // cases opened by intakes are written with the intake's end writes (under ids taken beforehand), the
        // managers' notice after its case in the same request
        world.at("2026-03-09T10:00");
        String customer = world.customer(world.stationA);
        var body = new java.util.HashMap<String, Object>();
        body.put("type", "COMPLAINT");
        body.put("category", "COMPLAINT.SERVICE");
        body.put("channel", "HOTLINE_95598");
        body.put("priority", "URGENT");
        body.put("customerNumber", customer);
        body.put("callerName", "赵六");
        body.put("callerPhone", "13900003333");
        body.put("description", "抢修人员态度恶劣，已联系媒体");
        body.put("media", true);
        String first = world.call(post("/api/v1/work-orders").with(as(world.agent)), body, 201).get("number")
                .asString();
        JsonNode c = world.caseOf(first);
        assertThat(c.get("grade").asString()).isEqualTo("MAJOR");
        assertThat(c.get("source").asString()).isEqualTo("MEDIA");
        assertThat(c.hasNonNull("repeatOfOrderNumber")).isFalse();
        assertThat(c.get("history")).extracting(h -> h.get("action").asString()).contains("OPENED");
        assertThat(due(c, "INVESTIGATION")).isEqualTo(Instant.parse("2026-03-10T16:00:00Z"));
        assertThat(notices(world.cityManager)).contains("MAJOR_COMPLAINT " + first);
        // the case opens as the intake commits, on the group commit's writer thread, yet in the agent's name
        assertThat(c.get("history")).filteredOn(h -> h.get("action").asString().equals("OPENED"))
                .extracting(h -> h.get("actor").asString()).containsExactly(world.agent);
        String caseId = c.get("id").asString();
        assertThat(ApiRequests.auditActors(mvc, "ComplaintCase", caseId, "COMPLAINT_OPENED"))
                .containsExactly(world.agent);
        assertThat(ApiRequests.auditActors(mvc, "ComplaintCase", caseId, "COMPLAINT_LEADERSHIP_NOTIFIED"))
                .containsExactly(world.agent);

        world.at("2026-03-10T09:00");
        String second = world.complaint("COMPLAINT.BUSINESS.TARIFF", "APP", customer);
        JsonNode repeat = world.caseOf(second);
        assertThat(repeat.get("grade").asString()).isEqualTo("ORDINARY");
        assertThat(repeat.get("repeatOfOrderNumber").asString()).isEqualTo(first);
        assertThat(repeat.get("id").asLong()).isNotEqualTo(c.get("id").asLong());
        assertThat(notices(world.cityManager)).doesNotContain("MAJOR_COMPLAINT " + second);
    }

    @Test
    void aComplaintIsGradedInvestigatedApprovedRectifiedVerifiedAndClosed() throws Exception {
        // Friday 2026-03-06 10:00 Beijing time, forwarded by the 12345 government hotline
        world.at("2026-03-06T10:00");
        String customer = world.customer(world.stationA);
        String order = world.complaint("COMPLAINT.BUSINESS.TARIFF", "GOV_12345", customer);
        JsonNode c = world.caseOf(order);
        long id = c.get("id").asLong();
        assertThat(c.get("status").asString()).isEqualTo("OPEN");
        assertThat(c.get("source").asString()).isEqualTo("GOV_12345");
        assertThat(c.get("grade").asString()).isEqualTo("ORDINARY");
        assertThat(c.get("unitCode").asString()).isEqualTo(world.stationA.code());
        assertThat(c.get("moves")).extracting(JsonNode::asString).contains("grade", "investigate")
                .doesNotContain("close", "approve");
        // ORDINARY: 4 working days to the approved findings (end of Thursday 12 March), 15 to closure (end of
        // Friday 27 March); the day of reception never counts
        assertThat(due(c, "INVESTIGATION")).isEqualTo(Instant.parse("2026-03-12T16:00:00Z"));
        assertThat(due(c, "CLOSURE")).isEqualTo(Instant.parse("2026-03-27T16:00:00Z"));

        // MAJOR needs its cause; with media attention it tightens the clocks to 1 and 5 working days
        MockHttpServletResponse bad = world.moveRaw(id, "grade", world.agent, "grade", "MAJOR");
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(world.read(bad).get("errors").get(0).get("field").asString()).isEqualTo("grade");
        c = world.move(id, "grade", world.agent, 200, "grade", "MAJOR", "media", true, "escalationRisk", true,
                "reason", "本地电视台已报道", "source", "MEDIA");
        assertThat(c.get("grade").asString()).isEqualTo("MAJOR");
        assertThat(c.get("source").asString()).isEqualTo("MEDIA");
        assertThat(c.get("escalationRisk").asBoolean()).isTrue();
        assertThat(due(c, "INVESTIGATION")).isEqualTo(Instant.parse("2026-03-09T16:00:00Z"));
        assertThat(due(c, "CLOSURE")).isEqualTo(Instant.parse("2026-03-13T16:00:00Z"));

        // the unit's leadership hears of it at once; agents have no notices
        assertThat(notices(world.cityManager)).contains("MAJOR_COMPLAINT " + order);
        assertThat(notices(world.citySupervisor)).doesNotContain("MAJOR_COMPLAINT " + order);
        assertThat(mvc.perform(get("/api/v1/complaints/notices").with(as(world.agent))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);

        // Monday 20:00: past half the MAJOR investigation time (warning), not yet due; raised once however
        // often the clocks are scanned
        world.at("2026-03-09T20:00");
        scanner.scan(clock.instant());
        scanner.scan(clock.instant());
        assertThat(notices(world.citySupervisor)).containsOnlyOnce("DEADLINE_WARNING " + order)
                .doesNotContain("DEADLINE_BREACHED " + order);
        c = world.view(id, world.citySupervisor);
        assertThat(state(c, "INVESTIGATION")).isEqualTo("WARNING");
        assertThat(state(c, "CLOSURE")).isEqualTo("RUNNING");
        // Tuesday 09:00: the investigation clock is overdue, the closure clock warns
        world.at("2026-03-10T09:00");
        scanner.scan(clock.instant());
        scanner.scan(clock.instant());
        assertThat(notices(world.citySupervisor)).containsOnlyOnce("DEADLINE_BREACHED " + order);
        assertThat(notices(world.cityManager)).contains("DEADLINE_BREACHED " + order, "MAJOR_COMPLAINT " + order);
        assertThat(notices(world.citySupervisor).stream().filter(n -> n.equals("DEADLINE_WARNING " + order)))
                .hasSize(2);
        c = world.view(id, world.citySupervisor);
        assertThat(state(c, "INVESTIGATION")).isEqualTo("BREACHED");
        assertThat(state(c, "CLOSURE")).isEqualTo("WARNING");
        assertThat(c.get("overdue").asBoolean()).isTrue();
        assertThat(ids(world.read(mvc.perform(get("/api/v1/complaints").with(as(world.citySupervisor))
                .param("overdue", "true").param("unit", world.stationA.code())).andReturn().getResponse()))).contains(id);

        // investigation: substantiated against station A and its agent, reviewed by someone else
        c = world.move(id, "investigate", world.citySupervisor, 200, "findings", "抄表员漏抄导致电费估算偏高",
                "rootCause", "METERING_ERROR", "responsibility", "SUBSTANTIATED",
                "responsibleUnit", world.stationA.code(), "responsibleStaff", world.agentA);
        assertThat(c.get("status").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(world.moveRaw(id, "approve", world.citySupervisor, "approve", true).getStatus()).isEqualTo(409);
        assertThat(world.moveRaw(id, "approve", world.inspector, "approve", true).getStatus()).isEqualTo(403);
        c = world.move(id, "approve", world.cityManager, 200, "approve", true, "comment", "认定有责");
        assertThat(c.get("status").asString()).isEqualTo("DETERMINED");
        assertThat(c.get("responsibility").asString()).isEqualTo("SUBSTANTIATED");
        assertThat(c.get("responsibleUnitCode").asString()).isEqualTo(world.stationA.code());
        assertThat(c.get("responsibleStaff").asString()).isEqualTo(world.agentA);
        assertThat(c.get("substantiated").asBoolean()).isTrue();
        assertThat(state(c, "INVESTIGATION")).isEqualTo("LATE");

        // a substantiated complaint does not close without rectification
        assertThat(world.moveRaw(id, "close", world.citySupervisor).getStatus()).isEqualTo(409);
        c = world.move(id, "actions", world.citySupervisor, 201, "description", "对抄表员进行培训并复核该户电费",
                "owner", world.agentA, "dueDate", "2026-03-12");
        long actionId = c.get("actions").get(0).get("id").asLong();
        assertThat(c.get("actions").get(0).get("status").asString()).isEqualTo("OPEN");
        assertThat(world.moveRaw(id, "close", world.citySupervisor).getStatus()).isEqualTo(409);

        // the owner reports it done; the owner cannot verify it, a supervisor can
        assertThat(world.actionStep(id, actionId, "complete", world.outsider, "note", "x").getStatus()).isEqualTo(404);
        assertThat(world.actionStep(id, actionId, "complete", world.agentA, "note", "已培训，已退还多收电费")
                .getStatus()).isEqualTo(200);
        assertThat(world.actionStep(id, actionId, "verify", world.agentA, "passed", true).getStatus()).isEqualTo(403);
        MockHttpServletResponse failed = world.actionStep(id, actionId, "verify", world.citySupervisor, "passed", false);
        assertThat(failed.getStatus()).isEqualTo(400);
        assertThat(world.read(failed).get("errors").get(0).get("field").asString()).isEqualTo("note");
        assertThat(world.actionStep(id, actionId, "verify", world.citySupervisor, "passed", true, "note", "已核实")
                .getStatus()).isEqualTo(200);

        world.at("2026-03-11T15:00");
        c = world.move(id, "close", world.citySupervisor, 200);
        assertThat(c.get("status").asString()).isEqualTo("CLOSED");
        assertThat(state(c, "CLOSURE")).isEqualTo("MET");
        assertThat(c.get("moves")).extracting(JsonNode::asString).contains("appeal").doesNotContain("close");
        assertThat(ApiRequests.auditActions(mvc, "ComplaintCase", String.valueOf(id))).contains("COMPLAINT_OPENED",
                "COMPLAINT_GRADED", "COMPLAINT_LEADERSHIP_NOTIFIED", "COMPLAINT_DEADLINE_BREACHED",
                "COMPLAINT_INVESTIGATED", "COMPLAINT_APPROVED", "COMPLAINT_ACTION_ADDED", "COMPLAINT_ACTION_DONE",
                "COMPLAINT_ACTION_VERIFIED", "COMPLAINT_CLOSED");
    }

    @Test
    void aRepeatComplaintLinksToTheCustomersEarlierOneAndANotSubstantiatedCaseClosesWithoutActions()
            throws Exception {
        world.at("2026-03-02T09:00");
        String customer = world.customer(world.stationB);
        String first = world.complaint("COMPLAINT.SERVICE", "COUNTER", customer);
        world.at("2026-03-20T09:00");
        String second = world.complaint("COMPLAINT.OUTAGE", "HOTLINE_95598", customer);
        JsonNode c = world.caseOf(second);
        assertThat(c.get("repeatOfOrderNumber").asString()).isEqualTo(first);
        JsonNode earlier = world.caseOf(first);
        assertThat(earlier.has("repeatOfOrderNumber")).isFalse();
        assertThat(earlier.get("source").asString()).isEqualTo("IN_PERSON");

        long id = earlier.get("id").asLong();
        // sent back once, then approved: not substantiated needs no rectification
        world.move(id, "investigate", world.inspector, 200, "findings", "工作人员已按规定办理", "rootCause",
                "CUSTOMER_MISUNDERSTANDING", "responsibility", "NOT_SUBSTANTIATED");
        MockHttpServletResponse noComment = world.moveRaw(id, "approve", world.citySupervisor, "approve", false);
        assertThat(noComment.getStatus()).isEqualTo(400);
        c = world.move(id, "approve", world.citySupervisor, 200, "approve", false, "comment", "请补充录音核实");
        assertThat(c.get("status").asString()).isEqualTo("OPEN");
        world.move(id, "investigate", world.inspector, 200, "findings", "录音核实：工作人员已按规定办理", "rootCause",
                "CUSTOMER_MISUNDERSTANDING", "responsibility", "NOT_SUBSTANTIATED");
        c = world.move(id, "approve", world.citySupervisor, 200, "approve", true);
        assertThat(c.get("substantiated").asBoolean()).isFalse();
        assertThat(c.get("moves")).extracting(JsonNode::asString).doesNotContain("appeal");
        c = world.move(id, "close", world.cityManager, 200);
        assertThat(c.get("status").asString()).isEqualTo("CLOSED");
    }

    @Test
    void anAcceptedAppealLeavesTheKpiCountAfterAppealsAndARejectedOneKeepsIt() throws Exception {
        world.at("2026-04-15T09:00");
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            customers.add(world.customer(world.stationA));
        }
        String o1 = world.complaint("COMPLAINT.BUSINESS.TARIFF", "HOTLINE_95598", customers.get(0));
        String o2 = world.complaint("COMPLAINT.BUSINESS.TARIFF", "HOTLINE_95598", customers.get(1));
        String o3 = world.complaint("COMPLAINT.SERVICE", "REGULATOR_12398", customers.get(2));
        long c1 = world.caseOf(o1).get("id").asLong();
        long c2 = world.caseOf(o2).get("id").asLong();
        long c3 = world.caseOf(o3).get("id").asLong();
        world.at("2026-04-15T15:00");
        // c1 substantiated and reclassified as a metering complaint, c2 substantiated, c3 not substantiated
        world.determine(c1, world.stationA, "COMPLAINT.BUSINESS.METERING");
        world.determine(c2, world.stationA, null);
        world.determine(c3, null, null);

        // 4 customers in station A; 3 complaints received, 2 substantiated, none appealed yet
        JsonNode kpis = kpis(null);
        expect(kpis, "COMPLAINTS_PER_10K", "3", "4", "7500");
        expect(kpis, "COMPLAINTS_SUBSTANTIATED_PER_10K", "2", "4", "5000");
        expect(kpis, "COMPLAINTS_AFTER_APPEAL_PER_10K", "2", "4", "5000");

        // station A appeals c1 and c2: the evidence comes first, and only a photo or PDF
        MockHttpServletResponse noEvidence = world.moveRaw(c1, "appeal", world.supervisorA, "reason", "表计故障系厂家原因");
        assertThat(noEvidence.getStatus()).isEqualTo(400);
        assertThat(world.read(noEvidence).get("errors").get(0).get("field").asString()).isEqualTo("evidence");
        MockHttpServletResponse text = world.upload(c1, "APPEAL", world.supervisorA, "note.pdf",
                "just text".getBytes());
        assertThat(text.getStatus()).isEqualTo(400);
        assertThat(world.read(text).get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(world.upload(c1, "APPEAL", world.supervisorA, "厂家检测报告.pdf", ComplaintWorld.PDF).getStatus())
                .isEqualTo(201);
        assertThat(world.upload(c2, "APPEAL", world.supervisorA, "说明.pdf", ComplaintWorld.PDF).getStatus())
                .isEqualTo(201);
        // only the responsible unit appeals
        assertThat(world.moveRaw(c1, "appeal", world.supervisorB, "reason", "x").getStatus()).isEqualTo(404);
        JsonNode appealed = world.move(c1, "appeal", world.supervisorA, 200, "reason", "表计故障系厂家原因");
        assertThat(appealed.get("appealStatus").asString()).isEqualTo("PENDING");
        assertThat(appealed.get("attachments").get(0).get("purpose").asString()).isEqualTo("APPEAL");
        world.move(c2, "appeal", world.supervisorA, 200, "reason", "客户已撤诉");
        assertThat(world.moveRaw(c1, "close", world.citySupervisor).getStatus()).isEqualTo(409);

        // the station cannot decide its own appeal; the city (one level up) does
        assertThat(world.moveRaw(c1, "decide-appeal", world.supervisorA, "accept", true).getStatus()).isEqualTo(403);
        JsonNode accepted = world.move(c1, "decide-appeal", world.citySupervisor, 200, "accept", true,
                "comment", "检测报告属实，予以核减");
        assertThat(accepted.get("appealStatus").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("substantiated").asBoolean()).isTrue();
        assertThat(accepted.get("countedAfterAppeal").asBoolean()).isFalse();
        assertThat(world.moveRaw(c2, "decide-appeal", world.cityManager, "accept", false).getStatus()).isEqualTo(400);
        JsonNode rejected = world.move(c2, "decide-appeal", world.cityManager, 200, "accept", false,
                "comment", "撤诉不影响责任认定");
        assertThat(rejected.get("countedAfterAppeal").asBoolean()).isTrue();

        // received 3 → 3 ÷ 4 × 10,000; substantiated 2 (c1, c2) → 5,000; after appeals only c2 → 2,500
        kpis = kpis(null);
        expect(kpis, "COMPLAINTS_PER_10K", "3", "4", "7500");
        expect(kpis, "COMPLAINTS_SUBSTANTIATED_PER_10K", "2", "4", "5000");
        expect(kpis, "COMPLAINTS_AFTER_APPEAL_PER_10K", "1", "4", "2500");

        // by category: c1 counts as the metering complaint the investigation found
        JsonNode groups = kpis("category").get("groups");
        assertThat(group(groups, "COMPLAINT.BUSINESS.METERING", "COMPLAINTS_SUBSTANTIATED_PER_10K")).isEqualTo("1");
        assertThat(group(groups, "COMPLAINT.BUSINESS.METERING", "COMPLAINTS_AFTER_APPEAL_PER_10K")).isEqualTo("0");
        assertThat(group(groups, "COMPLAINT.BUSINESS.TARIFF", "COMPLAINTS_AFTER_APPEAL_PER_10K")).isEqualTo("1");

        // the hotspots of the city: station A's business column holds both counts
        JsonNode hot = world.read(mvc.perform(get("/api/v1/complaints/hotspots").with(as(world.cityManager))
                .param("unit", world.city.code()).param("from", "2026-04-01").param("to", "2026-04-30"))
                .andReturn().getResponse());
        JsonNode rowA = null;
        for (JsonNode row : hot.get("rows")) {
            if (row.get("unitCode").asString().equals(world.stationA.code())) {
                rowA = row;
            }
        }
        assertThat(rowA).isNotNull();
        assertThat(rowA.get("customers").asLong()).isEqualTo(4);
        JsonNode business = null;
        for (JsonNode cell : rowA.get("cells")) {
            if (cell.get("category").asString().equals("COMPLAINT.BUSINESS")) {
                business = cell;
            }
        }
        assertThat(business.get("received").asLong()).isEqualTo(2);
        assertThat(business.get("substantiated").asLong()).isEqualTo(2);
        assertThat(business.get("afterAppeal").asLong()).isEqualTo(1);
        assertThat(hot.get("trend").get(0).get("month").asString()).isEqualTo("2026-04");
        assertThat(hot.get("trend").get(0).get("received").asLong()).isEqualTo(3);
    }

    // ---- helpers

    private List<String> notices(String user) throws Exception {
        JsonNode list = world.read(mvc.perform(get("/api/v1/complaints/notices").with(as(user)).param("limit", "200"))
                .andReturn().getResponse());
        List<String> kinds = new ArrayList<>();
        list.forEach(n -> kinds.add(n.get("kind").asString() + " " + n.get("orderNumber").asString()));
        return kinds;
    }

    private JsonNode kpis(String groupBy) throws Exception {
        var request = get("/api/v1/kpis").with(as(world.cityManager)).param("from", "2026-04-15")
                .param("to", "2026-04-15").param("unit", world.stationA.code());
        if (groupBy != null) {
            request.param("groupBy", groupBy);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode body = world.read(response);
        return groupBy == null ? body.get("kpis") : body;
    }

    private static String group(JsonNode groups, String key, String kpi) {
        for (JsonNode g : groups) {
            if (g.get("key").asString().equals(key)) {
                for (JsonNode k : g.get("kpis")) {
                    if (k.get("name").asString().equals(kpi)) {
                        return k.get("numerator").decimalValue().stripTrailingZeros().toPlainString();
                    }
                }
            }
        }
        return "absent";
    }

    private static void expect(JsonNode kpis, String name, String numerator, String denominator, String value) {
        for (JsonNode k : kpis) {
            if (k.get("name").asString().equals(name)) {
                assertThat(k.get("numerator").decimalValue().stripTrailingZeros()).as(name + " numerator")
                        .isEqualTo(new BigDecimal(numerator).stripTrailingZeros());
                assertThat(k.get("denominator").decimalValue().stripTrailingZeros()).as(name + " denominator")
                        .isEqualTo(new BigDecimal(denominator).stripTrailingZeros());
                assertThat(k.get("value").decimalValue().stripTrailingZeros()).as(name + " value")
                        .isEqualTo(new BigDecimal(value).stripTrailingZeros());
                return;
            }
        }
        throw new AssertionError("no KPI " + name + " in " + kpis);
    }

    private static Instant due(JsonNode c, String kind) {
        for (JsonNode d : c.get("deadlines")) {
            if (d.get("kind").asString().equals(kind)) {
                return Instant.parse(d.get("dueAt").asString());
            }
        }
        throw new AssertionError("no clock " + kind);
    }

    private static String state(JsonNode c, String kind) {
        for (JsonNode d : c.get("deadlines")) {
            if (d.get("kind").asString().equals(kind)) {
                return d.get("state").asString();
            }
        }
        throw new AssertionError("no clock " + kind);
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }
}
