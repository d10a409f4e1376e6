package org.gridcare.identity;

import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.gridcare.ApiRequests.as;
import static org.gridcare.ApiRequests.postJson;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The console's forms carry a CSRF token; the stateless API, which no browser session can ride, does not. */
@GridCareTest
class CsrfTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void signingInWithoutACsrfTokenIsRefused() throws Exception {
        String username = anAgent();

        mvc.perform(signIn(username)).andExpect(status().isForbidden()).andExpect(unauthenticated());
    }

    @Test
    void signingInWithACsrfTokenWorks() throws Exception {
        String username = anAgent();

        mvc.perform(signIn(username).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withUsername(username));
    }

    @Test
    void signingOutWithoutACsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/logout").with(user("someone"))).andExpect(status().isForbidden());
    }

    @Test
    void signingOutWithACsrfTokenWorks() throws Exception {
        mvc.perform(post("/logout").with(user("someone")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login?logout"));
    }

    @Test
    void aForgedCsrfTokenIsRefused() throws Exception {
        String username = anAgent();

        mvc.perform(signIn(username).with(csrf().useInvalidToken())).andExpect(status().isForbidden());
    }

    @Test
    void theApiNeedsNoCsrfToken() throws Exception {
        String username = anAgent();

        mvc.perform(postJson("/api/v1/tokens", """
                {"name": "no csrf here"}""").with(as(username))).andExpect(status().isCreated());
    }

    private String anAgent() {
        String username = Fixtures.unique("csrf-");
        fixtures.user(username, "HQ", Role.AGENT);
        return username;
    }

    private static MockHttpServletRequestBuilder signIn(String username) {
        return post("/login").param("username", username).param("password", Fixtures.PASSWORD);
    }
}
