package org.gridcare.identity;

import java.time.Duration;

import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.ApiRequests.as;
import static org.gridcare.ApiRequests.asAdmin;
import static org.gridcare.ApiRequests.auditActions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Five wrong passwords in a row lock an account for fifteen minutes (gridcare.identity.lockout). */
@GridCareTest
class LockoutTests {

    private static final String WRONG = "Wrong-Pa55word";
    private static final Duration LOCK = Duration.ofMinutes(15);

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    private final String username = Fixtures.unique("lockout-");

    @BeforeEach
    void anAgent() {
        fixtures.user(username, fixtures.root().code(), Role.AGENT);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() throws Exception {
        for (int attempt = 1; attempt <= 5; attempt++) {
            signInWith(WRONG).andExpect(status().isUnauthorized());
        }

        signIn().andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:gridcare:problem:unauthenticated"));
        mvc.perform(get("/api/v1/users/" + username).with(asAdmin())).andExpect(jsonPath("$.locked").value(true));
        assertThat(auditActions(mvc, "User", username)).contains("ACCOUNT_LOCKED", "SIGN_IN_FAILED");
    }

    @Test
    void fourWrongPasswordsDoNotLock() throws Exception {
        failFourTimes();

        signIn().andExpect(status().isOk());
    }

    @Test
    void theLockLiftsItselfWhenItsTimeHasRunOut() throws Exception {
        lock();

        clock.advance(LOCK.minusMinutes(1));
        signIn().andExpect(status().isUnauthorized());
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        signIn().andExpect(status().isOk());
    }

    @Test
    void anAdministratorLiftsTheLockAtOnce() throws Exception {
        lock();

        mvc.perform(post("/api/v1/users/" + username + "/unlock").with(asAdmin())).andExpect(status().isNoContent());

        signIn().andExpect(status().isOk());
        assertThat(auditActions(mvc, "User", username)).first().isEqualTo("USER_UNLOCKED");
    }

    @Test
    void aSuccessfulSignInStartsTheCountAfresh() throws Exception {
        failFourTimes();
        signIn().andExpect(status().isOk());
        failFourTimes();

        signIn().andExpect(status().isOk());
    }

    @Test
    void wrongPasswordsForAnUnknownUserAreRefusedAndAudited() throws Exception {
        String stranger = Fixtures.unique("nobody-");

        mvc.perform(get("/api/v1/me").with(httpBasic(stranger, WRONG))).andExpect(status().isUnauthorized());

        assertThat(auditActions(mvc, "User", stranger)).containsExactly("SIGN_IN_FAILED");
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsJustAWrongPassword() throws Exception {
        signInWith(Fixtures.PASSWORD + "-" + "长".repeat(30)).andExpect(status().isUnauthorized());

        signIn().andExpect(status().isOk());
    }

    private void lock() throws Exception {
        for (int attempt = 1; attempt <= 5; attempt++) {
            signInWith(WRONG);
        }
        signIn().andExpect(status().isUnauthorized());
    }

    private void failFourTimes() throws Exception {
        for (int attempt = 1; attempt <= 4; attempt++) {
            signInWith(WRONG).andExpect(status().isUnauthorized());
        }
    }

    private ResultActions signIn() throws Exception {
        return mvc.perform(get("/api/v1/me").with(as(username)));
    }

    private ResultActions signInWith(String password) throws Exception {
        return mvc.perform(get("/api/v1/me").with(httpBasic(username, password)));
    }
}
