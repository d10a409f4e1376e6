package org.gridcare.complaint;

import java.nio.charset.StandardCharsets;

import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.MutableClock;
import org.junit.jupiter.api.AfterEach;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The complaint console: the queue, the case page with its forms (CSRF, refusals shown), the hotspot page. */
@GridCareTest
class ComplaintConsoleTests {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired UserDetailsService accounts;

    private ComplaintWorld world;
    private long id;
    private String order;

    @BeforeEach
    void world() throws Exception {
        world = new ComplaintWorld(fixtures, mvc, json, clock);
        world.at("2026-06-03T10:00");
        order = world.complaint("COMPLAINT.GRID", "COUNTER", world.customer(world.stationA));
        id = world.caseOf(order).get("id").asLong();
    }

    @AfterEach
    void time() {
        clock.reset();
    }

    @Test
    void theCaseIsWorkedThroughItsPageWithCsrfProtectedForms() throws Exception {
        RequestPostProcessor supervisor = signedIn(world.citySupervisor);
        String list = page(get("/complaints").with(supervisor));
        assertThat(list).contains(order, "id=\"gc-complaint-table\"");

        String detail = page(get("/complaints/" + id).with(supervisor));
        assertThat(detail).contains("id=\"gc-move-grade\"", "id=\"gc-move-investigate\"", "id=\"gc-complaint-clocks\"")
                .doesNotContain("id=\"gc-move-close\"");

        // without the CSRF token nothing happens
        assertThat(mvc.perform(post("/complaints/" + id + "/grade").with(supervisor).param("version", "0")
                .param("grade", "IMPORTANT")).andReturn().getResponse().getStatus()).isEqualTo(403);
        // a refused move is shown on the page and changes nothing
        var refused = mvc.perform(post("/complaints/" + id + "/grade").with(supervisor).with(csrf())
                .param("version", "0").param("grade", "MAJOR")).andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/complaints/" + id);
        assertThat((String) refused.getFlashMap().get("actionError")).contains("重大投诉");
        assertThat(world.view(id, world.citySupervisor).get("grade").asString()).isEqualTo("ORDINARY");

        mvc.perform(post("/complaints/" + id + "/grade").with(supervisor).with(csrf()).param("version", "0")
                .param("grade", "IMPORTANT").param("escalationRisk", "true").param("reason", "客户多次来电"));
        mvc.perform(post("/complaints/" + id + "/investigate").with(supervisor).with(csrf()).param("version", "1")
                .param("findings", "施工占道未公示").param("rootCause", "CONSTRUCTION")
                .param("responsibility", "SUBSTANTIATED").param("responsibleUnit", world.stationA.code())
                .param("category", "COMPLAINT.GRID"));
        mvc.perform(post("/complaints/" + id + "/approve").with(signedIn(world.cityManager)).with(csrf())
                .param("version", "2").param("approve", "true"));
        mvc.perform(multipart("/complaints/" + id + "/attachments").file(new MockMultipartFile("file", "照片.pdf",
                "application/pdf", ComplaintWorld.PDF)).param("purpose", "INVESTIGATION").with(supervisor).with(csrf()));
        mvc.perform(post("/complaints/" + id + "/add-action").with(supervisor).with(csrf()).param("version", "3")
                .param("description", "施工现场补设公示牌").param("owner", world.agentA).param("dueDate", "2026-06-10"));
        detail = page(get("/complaints/" + id).with(supervisor));
        assertThat(detail).contains("data-status=\"DETERMINED\"", "施工现场补设公示牌", "照片.pdf",
                "id=\"gc-move-close\"");
        var view = world.view(id, world.citySupervisor);
        assertThat(view.get("grade").asString()).isEqualTo("IMPORTANT");
        assertThat(view.get("responsibility").asString()).isEqualTo("SUBSTANTIATED");
        assertThat(view.get("actions")).hasSize(1);
        assertThat(view.get("attachments")).hasSize(1);

        // the owner sees the form to report the action done
        String owners = page(get("/complaints/" + id).with(signedIn(world.agentA)));
        assertThat(owners).contains("gc-action-complete-");

        String hot = page(get("/complaints/hotspots").with(signedIn(world.cityManager))
                .param("from", "2026-06-01").param("to", "2026-06-30").param("measure", "substantiated"));
        assertThat(hot).contains("data-heatmap=", "data-trend=", "id=\"gc-hotspot-table\"", world.stationA.name());
    }

    @Test
    void outsidersGetNotFoundAndFieldStaffNoComplaintPages() throws Exception {
        assertThat(mvc.perform(get("/complaints/" + id).with(signedIn(world.outsider))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(page(get("/complaints").with(signedIn(world.outsider)))).doesNotContain(order);
        assertThat(mvc.perform(get("/complaints").with(signedIn(world.crew))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        String bad = page(get("/complaints/hotspots").with(signedIn(world.cityManager)).param("from", "not-a-date"));
        assertThat(bad).contains("id=\"gc-action-error\"");
    }

    private RequestPostProcessor signedIn(String username) {
        return user(accounts.loadUserByUsername(username));
    }

    private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
