package org.gridcare.identity;

import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.gridcare.GridCareTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.ApiRequests.asAdmin;
import static org.gridcare.ApiRequests.postJson;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every response, success or error, API or console, carries a request id and the browser hardening headers. */
@GridCareTest
class SecurityHeadersTests {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Autowired
    MockMvc mvc;

    static Stream<Arguments> allKindsOfResponse() {
        return Stream.of(
                Arguments.of("API answer", get("/api/v1/me").with(asAdmin())),
                Arguments.of("API 401", get("/api/v1/me")),
                Arguments.of("API 404", get("/api/v1/no-such-thing").with(asAdmin())),
                Arguments.of("API 400", postJson("/api/v1/org-units", "{").with(asAdmin())),
                Arguments.of("health", get("/actuator/health")),
                Arguments.of("console redirect to sign-in", get("/")),
                Arguments.of("sign-in page", get("/login")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allKindsOfResponse")
    void everyResponseCarriesTheHardeningHeaders(String kind, MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(request)
                .andExpect(header().string("X-Request-Id", matchesPattern(UUID)))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void aSaneIncomingRequestIdIsEchoedAndGoesIntoTheAuditTrail() throws Exception {
        String requestId = "gateway-" + System.nanoTime();

        String created = mvc.perform(postJson("/api/v1/tokens", """
                        {"name": "with request id"}""").header("X-Request-Id", requestId).with(asAdmin()))
                .andExpect(status().isCreated())
                .andExpect(header().string("X-Request-Id", requestId))
                .andReturn().getResponse().getContentAsString();

        String audit = mvc.perform(get("/api/v1/audit-events").param("entityType", "ApiToken")
                        .param("entityId", String.valueOf((Integer) JsonPath.read(created, "$.id"))).with(asAdmin()))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(audit, "$.items[0].requestId")).isEqualTo(requestId);
    }

    @Test
    void anInsaneIncomingRequestIdIsReplaced() throws Exception {
        mvc.perform(get("/actuator/health").header("X-Request-Id", "<script>alert(1)</script>"))
                .andExpect(header().string("X-Request-Id", matchesPattern(UUID)));
        mvc.perform(get("/actuator/health").header("X-Request-Id", "x".repeat(65)))
                .andExpect(header().string("X-Request-Id", matchesPattern(UUID)));
    }
}
