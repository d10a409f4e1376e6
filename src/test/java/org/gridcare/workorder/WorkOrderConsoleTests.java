package org.gridcare.workorder;

import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@GridCareTest
class WorkOrderConsoleTests {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService accounts;

    private WorkOrderWorld world;

    @BeforeEach
    void world() {
        world = new WorkOrderWorld(fixtures, mvc, json);
    }

    private RequestPostProcessor signedIn(String username) {
        return user(accounts.loadUserByUsername(username));
    }

    @Test
    void anAgentTakesACallInTheIntakeFormAndTheDispatcherDispatchesFromTheBoard() throws Exception {
        String customer = world.customer("西湖区 11 号");
        mvc.perform(get("/work-orders/new").with(signedIn(world.agent))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("gc-intake-form")));
        mvc.perform(get("/work-orders/new/customer").param("query", customer).with(signedIn(world.agent)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(customer)));
        mvc.perform(get("/work-orders/new/customer").param("customerNumber", customer).with(signedIn(world.agent)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("gc-customer-summary")));
        mvc.perform(get("/work-orders/new/preview").param("type", "FAULT_REPAIR").param("channel", "HOTLINE_95598")
                        .param("priority", "NORMAL").param("customerNumber", customer).with(signedIn(world.agent)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("gc-preview-table")));

        mvc.perform(post("/work-orders/new").with(signedIn(world.agent)).with(csrf()).param("type", "FAULT_REPAIR")
                        .param("category", "FAULT_REPAIR.NO_POWER").param("channel", "HOTLINE_95598")
                        .param("priority", "URGENT").param("customerNumber", "3300000000000")
                        .param("callerName", "王五").param("callerPhone", "13700001111").param("description", "停电"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("is-invalid")));
        String location = mvc.perform(post("/work-orders/new").with(signedIn(world.agent)).with(csrf())
                        .param("type", "FAULT_REPAIR").param("category", "FAULT_REPAIR.NO_POWER")
                        .param("channel", "HOTLINE_95598").param("priority", "URGENT").param("customerNumber", customer)
                        .param("callerName", "王五").param("callerPhone", "13700001111").param("description", "停电")
                        .param("idempotencyKey", Fixtures.unique("console-")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/work-orders/GD*"))
                .andReturn().getResponse().getRedirectedUrl();
        String number = location.substring(location.lastIndexOf('/') + 1);

        mvc.perform(get("/work-orders/board").with(signedIn(world.dispatcher))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("gc-board-dispatch-" + number)));
        mvc.perform(post("/work-orders/" + number + "/act/dispatch").with(signedIn(world.dispatcher)).with(csrf())
                .param("version", "0").param("handler", world.crew)).andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/work-orders/" + number).with(signedIn(world.crew))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("gc-do-accept", "gc-order-clocks", "gc-order-timeline").doesNotContain("gc-do-dispatch");

        mvc.perform(post("/work-orders/" + number + "/act/accept").with(signedIn(world.crew)).with(csrf())
                .param("version", "0")).andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attributeExists("actionError"));
        mvc.perform(get("/work-orders").param("queue", "mine").with(signedIn(world.crew))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(number)));
        mvc.perform(get("/work-orders/counts").with(signedIn(world.crew))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("gc-count-mine")));
    }

    @Test
    void aQueueOfMoreThanOnePageLinksToItsNextAndPreviousPages() throws Exception {
        // the links were a template error (a bean call straight in th:href) whenever a queue had a second page
        String customer = world.customer("西湖区 13 号");
        for (int i = 0; i < 21; i++) {
            world.order("CONSULTATION", "CONSULTATION.TARIFF", customer);
        }
        String first = mvc.perform(get("/work-orders?queue=team").with(signedIn(world.dispatcher)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(first).contains("1 / 2", "/work-orders?queue=team&amp;page=1");
        String second = mvc.perform(get("/work-orders?queue=team&page=1").with(signedIn(world.dispatcher)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(second).contains("2 / 2", "/work-orders?queue=team&amp;page=0");
    }

    @Test
    void urgesReachTheHandlersInbox() throws Exception {
        String number = world.order("COMPLAINT", "COMPLAINT.SERVICE", world.customer("西湖区 12 号"));
        mvc.perform(post("/work-orders/" + number + "/act/dispatch").with(signedIn(world.dispatcher)).with(csrf())
                .param("version", "0").param("handler", world.crew)).andExpect(status().is3xxRedirection());
        mvc.perform(post("/work-orders/" + number + "/act/urge").with(signedIn(world.agent)).with(csrf())
                .param("version", "1").param("note", "客户催促")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/work-orders/" + number + "/act/supervise").with(signedIn(world.supervisor)).with(csrf())
                .param("version", "2").param("note", "尽快").param("dueAt", "2099-01-01T10:00"))
                .andExpect(status().is3xxRedirection());
        String inbox = mvc.perform(get("/work-orders/inbox").with(signedIn(world.crew))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(inbox).contains(number, "客户催促", "尽快");
        mvc.perform(get("/work-orders/inbox/count").with(signedIn(world.supervisor))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("gc-nav-inbox-unread")));
        mvc.perform(post("/work-orders/inbox/read").with(signedIn(world.crew)).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void anAdministratorMaintainsTheCategoryTree() throws Exception {
        String code = "COMPLAINT.SERVICE." + Fixtures.unique("X").toUpperCase();
        mvc.perform(get("/work-orders/categories").with(signedIn("admin"))).andExpect(status().isOk());
        mvc.perform(post("/work-orders/categories").with(signedIn("admin")).with(csrf()).param("code", code)
                .param("parentCode", "COMPLAINT.SERVICE").param("type", "COMPLAINT").param("name", "服务态度")
                .param("nameEn", "Attitude")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/work-orders/categories/" + code + "/enabled").with(signedIn("admin")).with(csrf())
                .param("enabled", "false")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/work-orders/categories").with(signedIn(world.agent))).andExpect(status().isForbidden());
    }

    @Test
    void aCategoryIsRenamedAndMovedButNeverUnderItsOwnDescendantOrAnotherType() throws Exception {
        String parent = "COMPLAINT.SERVICE." + Fixtures.unique("P").toUpperCase();
        String child = parent + ".C";
        for (String[] c : new String[][] {{parent, "COMPLAINT.SERVICE", "上级"}, {child, parent, "下级"}}) {
            mvc.perform(post("/work-orders/categories").with(signedIn("admin")).with(csrf()).param("code", c[0])
                    .param("parentCode", c[1]).param("type", "COMPLAINT").param("name", c[2]).param("nameEn", c[2]))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(get("/work-orders/categories/" + parent).with(signedIn("admin"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("上级")));

        mvc.perform(post("/work-orders/categories/" + parent).with(signedIn("admin")).with(csrf())
                        .param("code", parent).param("parentCode", child).param("name", "上级").param("nameEn", "P")
                        .param("sortOrder", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("is-invalid")));
        mvc.perform(put("/api/v1/work-order-categories/" + child).with(signedIn("admin")).with(csrf())
                        .contentType("application/json")
                        .content("{\"parentCode\":\"FAULT_REPAIR\",\"name\":\"下级\",\"nameEn\":\"C\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].field")
                        .value("parentCode"));

        mvc.perform(post("/work-orders/categories/" + child).with(signedIn("admin")).with(csrf())
                        .param("code", child).param("parentCode", "COMPLAINT").param("name", "改名后")
                        .param("nameEn", "Renamed").param("sortOrder", "7"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/work-order-categories").with(signedIn("admin")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .jsonPath("$[?(@.code == '" + child + "')].parentCode").value("COMPLAINT"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .jsonPath("$[?(@.code == '" + child + "')].name").value("改名后"));
        mvc.perform(put("/api/v1/work-order-categories/" + child).with(signedIn(world.agent)).with(csrf())
                        .contentType("application/json").content("{\"name\":\"x\",\"nameEn\":\"x\"}"))
                .andExpect(status().isForbidden());
    }
}
