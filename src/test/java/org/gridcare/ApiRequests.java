package org.gridcare;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Short ways to call the API in tests: who calls, with what JSON, and what the audit trail says. */
public final class ApiRequests {

    private ApiRequests() {
    }

    public static RequestPostProcessor asAdmin() {
        return httpBasic("admin", TestDatabase.ADMIN_PASSWORD);
    }

    /** A user made by {@link Fixtures#user}, signing in with the fixture password. */
    public static RequestPostProcessor as(String username) {
        return httpBasic(username, Fixtures.PASSWORD);
    }

    public static MockHttpServletRequestBuilder postJson(String path, String json) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    public static MockHttpServletRequestBuilder patchJson(String path, String json) {
        return patch(path).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    /** The audit actions recorded for one entity, newest first, as the administrator reads them. */
    public static List<String> auditActions(MockMvc mvc, String entityType, String entityId) throws Exception {
        return JsonPath.read(auditEvents(mvc, entityType, entityId), "$.items[*].action");
    }

    /** Who each record of {@code action} on the entity names as its actor, newest first. */
    public static List<String> auditActors(MockMvc mvc, String entityType, String entityId, String action)
            throws Exception {
        return JsonPath.read(auditEvents(mvc, entityType, entityId), "$.items[?(@.action == '" + action + "')].actor");
    }

    private static String auditEvents(MockMvc mvc, String entityType, String entityId) throws Exception {
        return mvc.perform(get("/api/v1/audit-events").with(asAdmin())
                        .param("entityType", entityType).param("entityId", entityId).param("size", "200"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
