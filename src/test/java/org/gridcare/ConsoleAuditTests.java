package org.gridcare;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.gridcare.identity.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The audit log page: filters, and days and times in Asia/Shanghai. */
@GridCareTest
class ConsoleAuditTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    UserDetailsService accounts;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void eventsShowInBusinessTimeAndDateFiltersUseBusinessDays() throws Exception {
        String username = Fixtures.unique("aud");
        // 16:30 UTC on 15 January is 00:30 on 16 January in Shanghai
        clock.set(Instant.parse("2026-01-15T16:30:00Z"));
        fixtures.user(username, fixtures.root().code(), Role.AGENT);
        clock.reset();

        String found = page(get("/admin/audit").param("entityId", username).param("from", "2026-01-16")
                .param("to", "2026-01-16"));
        assertThat(found).contains("2026-01-16 00:30:00").contains("<code>USER_CREATED</code>").contains(username);
        String dayBefore = page(get("/admin/audit").param("entityId", username).param("from", "2026-01-15")
                .param("to", "2026-01-15"));
        assertThat(dayBefore).doesNotContain("<code>USER_CREATED</code>").contains("没有符合条件的记录");
        assertThat(page(get("/admin/audit").param("action", "USER_CREATED").param("text", "AGENT")
                .param("actor", "system").param("entityType", "User").param("entityId", username)))
                .contains(username);
    }

    @Test
    void badDatesAreFieldErrorsNotErrorPages() throws Exception {
        assertThat(page(get("/admin/audit").param("from", "yesterday"))).contains("格式或取值不正确");
        assertThat(page(get("/admin/audit").param("from", "2026-02-02").param("to", "2026-02-01")))
                .contains("截止日期不能早于起始日期");
        assertThat(page(get("/admin/audit").param("page", "-3"))).contains("gc-audit-table");
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(accounts.loadUserByUsername("admin")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
