package org.gridcare.identity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.jayway.jsonpath.JsonPath;
import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.ApiRequests.as;
import static org.gridcare.ApiRequests.asAdmin;
import static org.gridcare.ApiRequests.auditActions;
import static org.gridcare.ApiRequests.patchJson;
import static org.gridcare.ApiRequests.postJson;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Personal API tokens: shown once, used as {@code Authorization: Bearer gct_…}, revocable, expiring. */
@GridCareTest
class ApiTokenTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    private final String owner = Fixtures.unique("token-owner-");

    @BeforeEach
    void anAgent() {
        fixtures.user(owner, fixtures.root().code(), Role.AGENT);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theSecretIsShownOnceAndNeverListed() throws Exception {
        String created = mvc.perform(postJson("/api/v1/tokens", """
                        {"name": "报表脚本", "validDays": 30}""").with(as(owner)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/tokens/")))
                .andExpect(jsonPath("$.token").value(startsWith("gct_")))
                .andExpect(jsonPath("$.name").value("报表脚本"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String secret = JsonPath.read(created, "$.token");

        String listed = mvc.perform(get("/api/v1/tokens").with(as(owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("报表脚本"))
                .andExpect(jsonPath("$[0].prefix").value(secret.substring(0, 10)))
                .andExpect(jsonPath("$[0].active").value(true))
                .andExpect(jsonPath("$[0].token").doesNotExist())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(listed).doesNotContain(secret);
    }

    @Test
    void aTokenSignsInAsItsOwnerUntilItIsRevoked() throws Exception {
        String created = createToken(owner, 30);
        String secret = JsonPath.read(created, "$.token");
        int id = JsonPath.read(created, "$.id");

        callMeWith(secret).andExpect(status().isOk()).andExpect(jsonPath("$.username").value(owner));

        mvc.perform(delete("/api/v1/tokens/" + id).with(as(owner))).andExpect(status().isNoContent());
        callMeWith(secret).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:gridcare:problem:unauthenticated"));
        mvc.perform(get("/api/v1/tokens").with(as(owner))).andExpect(jsonPath("$[0].active").value(false));
        assertThat(auditActions(mvc, "ApiToken", String.valueOf(id)))
                .containsExactly("API_TOKEN_REVOKED", "API_TOKEN_CREATED");
    }

    @Test
    void aTokenStopsWorkingWhenItExpires() throws Exception {
        String secret = JsonPath.read(createToken(owner, 1), "$.token");

        clock.advance(Duration.ofHours(23));
        callMeWith(secret).andExpect(status().isOk());
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        callMeWith(secret).andExpect(status().isUnauthorized());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "366", "99999999999", "\"ten\""})
    void aValidityOutsideOneDayToAYearIsRefusedNamingValidDays(String validDays) throws Exception {
        mvc.perform(postJson("/api/v1/tokens", """
                        {"name": "bad validity", "validDays": %s}""".formatted(validDays)).with(as(owner)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("validDays"));

        mvc.perform(get("/api/v1/tokens").with(as(owner))).andExpect(jsonPath("$").isEmpty());
    }

    @Test
    void nobodyCanRevokeSomeoneElsesToken() throws Exception {
        String other = Fixtures.unique("token-other-");
        fixtures.user(other, fixtures.root().code(), Role.AGENT);
        String created = createToken(owner, 30);

        mvc.perform(delete("/api/v1/tokens/" + JsonPath.read(created, "$.id")).with(as(other)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:gridcare:problem:not-found"));

        callMeWith(JsonPath.read(created, "$.token")).andExpect(status().isOk());
    }

    @Test
    void theTokenOfADisabledUserNoLongerWorks() throws Exception {
        String secret = JsonPath.read(createToken(owner, 30), "$.token");

        mvc.perform(patchJson("/api/v1/users/" + owner, """
                {"enabled": false}""").with(asAdmin())).andExpect(status().isOk());

        callMeWith(secret).andExpect(status().isUnauthorized());
    }

    @Test
    void anInventedTokenIsRefused() throws Exception {
        callMeWith("gct_" + "x".repeat(43)).andExpect(status().isUnauthorized());
        callMeWith("not-even-a-token").andExpect(status().isUnauthorized());
    }

    private String createToken(String username, int validDays) throws Exception {
        return mvc.perform(postJson("/api/v1/tokens", """
                        {"name": "脚本", "validDays": %d}""".formatted(validDays)).with(as(username)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private ResultActions callMeWith(String secret) throws Exception {
        return mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret));
    }

    @Test
    void lastUseIsRecordedToTheMinuteWithoutAWritePerRequest() throws Exception {
        String created = mvc.perform(postJson("/api/v1/tokens", """
                        {"name": "对接系统", "validDays": 30}""").with(as(owner)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String secret = JsonPath.read(created, "$.token");
        var bearer = (java.util.function.Supplier<org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder>)
                () -> get("/api/v1/me").header("Authorization", "Bearer " + secret);

        mvc.perform(bearer.get()).andExpect(status().isOk());
        String firstUse = lastUsedAt();
        assertThat(firstUse).isNotNull();

        clock.advance(Duration.ofSeconds(30));
        mvc.perform(bearer.get()).andExpect(status().isOk());
        assertThat(lastUsedAt()).isEqualTo(firstUse);

        clock.advance(Duration.ofMinutes(2));
        mvc.perform(bearer.get()).andExpect(status().isOk());
        assertThat(lastUsedAt()).isNotEqualTo(firstUse);
    }

    private String lastUsedAt() throws Exception {
        String listed = mvc.perform(get("/api/v1/tokens").with(as(owner)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return JsonPath.read(listed, "$[0].lastUsedAt");
    }
}
