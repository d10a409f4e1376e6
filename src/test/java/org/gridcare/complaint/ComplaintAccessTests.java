package org.gridcare.complaint;

import java.util.ArrayList;
import java.util.List;

import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.ApiRequests.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Who sees and moves a complaint case (roles and org-unit data scope), and bad input as problem details. */
@GridCareTest
class ComplaintAccessTests {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;

    private ComplaintWorld world;
    private long id;
    private String order;

    @BeforeEach
    void world() throws Exception {
        world = new ComplaintWorld(fixtures, mvc, json, clock);
        world.at("2026-05-12T10:00");
        order = world.complaint("COMPLAINT.QUALITY", "HOTLINE_95598", world.customer(world.stationA));
        id = world.caseOf(order).get("id").asLong();
    }

    @AfterEach
    void time() {
        clock.reset();
    }

    @Test
    void aCaseIsSeenWithinTheScopeOfItsUnitAndOfItsResponsibleUnitOnly() throws Exception {
        // another city's supervisor: not in the list, 404 like a missing case
        assertThat(listed(world.outsider)).doesNotContain(id);
        assertThat(status(get("/api/v1/complaints/" + id), world.outsider)).isEqualTo(404);
        assertThat(world.moveRaw(id, "grade", world.outsider, "grade", "IMPORTANT").getStatus()).isEqualTo(404);
        // station B does not see station A's case … until it is made responsible for it
        assertThat(listed(world.supervisorB)).doesNotContain(id);
        world.determine(id, world.stationB, null);
        assertThat(listed(world.supervisorB)).contains(id);
        assertThat(world.view(id, world.supervisorB).get("responsibleUnitCode").asString())
                .isEqualTo(world.stationB.code());
        // station A sees its own case but, not being responsible, cannot appeal it
        assertThat(world.upload(id, "APPEAL", world.supervisorA, "a.pdf", ComplaintWorld.PDF).getStatus())
                .isEqualTo(201);
        assertThat(world.moveRaw(id, "appeal", world.supervisorA, "reason", "不是我们").getStatus()).isEqualTo(403);
        // field staff and dispatchers have no complaint pages; an agent cannot review, add actions or close
        assertThat(status(get("/api/v1/complaints"), world.crew)).isEqualTo(403);
        assertThat(world.moveRaw(id, "close", world.agent).getStatus()).isEqualTo(403);
        assertThat(world.moveRaw(id, "actions", world.agent, "description", "x", "owner", world.agentA,
                "dueDate", "2026-06-01").getStatus()).isEqualTo(403);
        // an inspector investigates but does not review
        assertThat(status(get("/api/v1/complaints/" + id), world.inspector)).isEqualTo(200);
    }

    @Test
    void badInputAnswersProblemDetailsNamingTheFieldAndChangesNothing() throws Exception {
        int version = world.view(id, world.citySupervisor).get("version").asInt();
        MockHttpServletResponse missing = world.moveRaw(id, "investigate", world.citySupervisor,
                "responsibility", "SUBSTANTIATED", "rootCause", "NO_SUCH_CAUSE");
        assertThat(missing.getStatus()).isEqualTo(400);
        assertThat(missing.getContentType()).startsWith("application/problem+json");
        assertThat(fields(world.read(missing))).containsExactlyInAnyOrder("findings", "rootCause", "responsibleUnit");

        MockHttpServletResponse foreignUnit = world.moveRaw(id, "investigate", world.supervisorA, "findings", "x",
                "rootCause", "OTHER", "responsibility", "SUBSTANTIATED", "responsibleUnit", world.stationB.code());
        assertThat(fields(world.read(foreignUnit))).containsExactly("responsibleUnit");
        MockHttpServletResponse foreignStaff = world.moveRaw(id, "investigate", world.citySupervisor, "findings", "x",
                "rootCause", "OTHER", "responsibility", "SUBSTANTIATED", "responsibleUnit", world.stationB.code(),
                "responsibleStaff", world.agentA);
        assertThat(fields(world.read(foreignStaff))).containsExactly("responsibleStaff");
        MockHttpServletResponse category = world.moveRaw(id, "investigate", world.citySupervisor, "findings", "x",
                "rootCause", "OTHER", "responsibility", "NOT_SUBSTANTIATED", "category", "FAULT_REPAIR.NO_POWER");
        assertThat(fields(world.read(category))).containsExactly("category");
        MockHttpServletResponse grade = world.moveRaw(id, "grade", world.citySupervisor, "grade", "HUGE");
        assertThat(grade.getStatus()).isEqualTo(400);
        MockHttpServletResponse tooLong = world.moveRaw(id, "grade", world.citySupervisor, "grade", "IMPORTANT",
                "reason", "长".repeat(501));
        assertThat(fields(world.read(tooLong))).containsExactly("reason");
        assertThat(world.view(id, world.citySupervisor).get("version").asInt()).isEqualTo(version);
        assertThat(world.view(id, world.citySupervisor).get("status").asString()).isEqualTo("OPEN");

        // the version: missing is 400, stale is 409
        MockHttpServletResponse noVersion = world.send(org.springframework.test.web.servlet.request
                .MockMvcRequestBuilders.post("/api/v1/complaints/" + id + "/grade").with(as(world.citySupervisor)),
                java.util.Map.of("grade", "IMPORTANT"));
        assertThat(fields(world.read(noVersion))).containsExactly("version");
        MockHttpServletResponse stale = world.send(org.springframework.test.web.servlet.request
                .MockMvcRequestBuilders.post("/api/v1/complaints/" + id + "/grade").with(as(world.citySupervisor)),
                java.util.Map.of("grade", "IMPORTANT", "version", version + 5));
        assertThat(stale.getStatus()).isEqualTo(409);
        // moves out of order: 409; an unknown case: 404; a bad period: 400 naming the field
        assertThat(world.moveRaw(id, "close", world.citySupervisor).getStatus()).isEqualTo(409);
        assertThat(world.moveRaw(id, "decide-appeal", world.citySupervisor, "accept", true).getStatus())
                .isEqualTo(409);
        assertThat(status(get("/api/v1/complaints/99999999"), world.citySupervisor)).isEqualTo(404);
        MockHttpServletResponse period = mvc.perform(get("/api/v1/complaints/hotspots").with(as(world.cityManager))
                .param("from", "2026-05-01").param("to", "2026-04-01")).andReturn().getResponse();
        assertThat(fields(world.read(period))).containsExactly("to");

        // an action due yesterday is refused
        world.determine(id, world.stationA, null);
        MockHttpServletResponse past = world.moveRaw(id, "actions", world.citySupervisor, "description", "整改",
                "owner", world.agentA, "dueDate", "2026-05-11");
        assertThat(fields(world.read(past))).containsExactly("dueDate");
        MockHttpServletResponse nobody = world.moveRaw(id, "actions", world.citySupervisor, "description", "整改",
                "owner", "nobody-here", "dueDate", "2026-05-20");
        assertThat(fields(world.read(nobody))).containsExactly("owner");
        assertThat(world.view(id, world.citySupervisor).get("actions")).isEmpty();
    }

    private List<Long> listed(String user) throws Exception {
        JsonNode page = world.read(mvc.perform(get("/api/v1/complaints").with(as(user)).param("size", "200"))
                .andReturn().getResponse());
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    private int status(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                       String user) throws Exception {
        return mvc.perform(request.with(as(user))).andReturn().getResponse().getStatus();
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }
}
