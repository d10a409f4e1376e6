package org.gridcare;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import org.gridcare.identity.Role;
import org.gridcare.organisation.OrgUnitKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who may open which console page, sign-in messages, CSRF, language switching and the error pages. */
@GridCareTest
class ConsoleAccessTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserDetailsService accounts;

    String unit;
    String agent;
    String manager;

    @BeforeEach
    void staff() {
        unit = Fixtures.unique("CA");
        fixtures.unit(unit, OrgUnitKind.CITY_COMPANY, fixtures.root().code());
        agent = Fixtures.unique("agent");
        manager = Fixtures.unique("manager");
        fixtures.user(agent, unit, Role.AGENT);
        fixtures.user(manager, unit, Role.MANAGER);
    }

    @Test
    void anAgentSeesHomeAndOwnAccountButNoAdministration() throws Exception {
        String home = page(get("/"), as(agent));
        assertThat(home).contains("用户 " + agent).contains("单位 " + unit).contains("客服坐席")
                .contains("工作概览")
                .doesNotContain("href=\"/admin/users\"").doesNotContain("href=\"/admin/audit\"");
        assertThat(page(get("/account"), as(agent))).contains("修改密码");
        assertThat(page(get("/account/tokens"), as(agent))).contains("新建令牌");
        for (String admin : new String[] {"/admin/users", "/admin/users/new", "/admin/org-units",
                "/admin/org-units/new", "/admin/audit"}) {
            mvc.perform(get(admin).with(as(agent))).andExpect(status().isForbidden());
        }
    }

    @Test
    void aManagerAdministersUsersAndUnitsButNotTheAuditLog() throws Exception {
        String home = page(get("/"), as(manager));
        assertThat(home).contains("href=\"/admin/users\"").contains("href=\"/admin/org-units\"")
                .doesNotContain("href=\"/admin/audit\"");
        assertThat(page(get("/admin/users"), as(manager))).contains(agent);
        assertThat(page(get("/admin/org-units"), as(manager))).contains(unit);
        mvc.perform(get("/admin/audit").with(as(manager))).andExpect(status().isForbidden());
    }

    @Test
    void anAdministratorOpensEveryPage() throws Exception {
        for (String path : new String[] {"/", "/admin/users", "/admin/users/new", "/admin/users/" + agent,
                "/admin/org-units", "/admin/org-units/new", "/admin/org-units/" + unit, "/admin/audit", "/account",
                "/account/tokens"}) {
            assertThat(page(get(path), as("admin"))).as(path).contains("gc-sidebar").contains("href=\"/admin/audit\"");
        }
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        mvc.perform(get("/admin/users")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        assertThat(page(get("/login"), null)).contains("name=\"username\"").contains("name=\"_csrf\"");
    }

    @Test
    void signInPageTellsBadCredentialsFromALockedAccount() throws Exception {
        assertThat(page(get("/login").param("error", "")
                .sessionAttr(WebAttributes.AUTHENTICATION_EXCEPTION, new org.springframework.security.authentication
                        .BadCredentialsException("x")), null)).contains("用户名或密码不正确");
        assertThat(page(get("/login").param("error", "")
                .sessionAttr(WebAttributes.AUTHENTICATION_EXCEPTION, new LockedException("x")), null))
                .contains("账号已被临时锁定");
        assertThat(page(get("/login").param("logout", ""), null)).contains("您已安全退出");
        assertThat(page(get("/login").param("lang", "en"), null)).contains("Sign in with your staff account");
    }

    @Test
    void tooManyWrongPasswordsLockTheAccountAndTheSignInPageSaysSo() throws Exception {
        String victim = Fixtures.unique("locked");
        fixtures.user(victim, unit, Role.AGENT);
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").param("username", victim).param("password", "wrong").with(csrf()))
                    .andExpect(redirectedUrl("/login?error"));
        }
        MvcResult locked = mvc.perform(post("/login").param("username", victim).param("password", Fixtures.PASSWORD)
                .with(csrf())).andExpect(redirectedUrl("/login?error")).andReturn();
        String page = mvc.perform(get("/login").param("error", "")
                        .session((org.springframework.mock.web.MockHttpSession) locked.getRequest().getSession()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("账号已被临时锁定");
        assertThat(page(get("/admin/users").param("text", victim), as("admin"))).contains("已锁定");
    }

    @Test
    void postsWithoutTheCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/admin/users/new").with(as("admin")).param("username", Fixtures.unique("csrf")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/account/language").with(as(agent)).param("lang", "en")).andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(as(agent))).andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(as(agent)).with(csrf())).andExpect(redirectedUrl("/login?logout"));
    }

    @Test
    void theLanguageSwitchSavesTheChoiceAndStaysOnThePage() throws Exception {
        MvcResult switched = mvc.perform(post("/account/language").with(as(agent)).with(csrf())
                        .param("lang", "en").param("returnTo", "/account/tokens"))
                .andExpect(redirectedUrl("/account/tokens"))
                .andExpect(cookie().value("GRIDCARE_LANG", "en"))
                .andReturn();
        Cookie language = switched.getResponse().getCookie("GRIDCARE_LANG");
        assertThat(page(get("/account/tokens").cookie(language), as(agent))).contains("API tokens")
                .contains("Sign out");
        assertThat(accounts.loadUserByUsername(agent)).extracting("locale").isEqualTo("en");
        mvc.perform(post("/account/language").with(as(agent)).with(csrf()).param("lang", "zh-CN")
                .param("returnTo", "//evil.example/")).andExpect(redirectedUrl("/"));
    }

    @Test
    void errorPagesRenderForAnonymousVisitorsWithoutLeakingDetails() throws Exception {
        assertThat(errorPage(404)).contains("页面不存在").contains("返回首页");
        assertThat(errorPage(403)).contains("无权访问");
        assertThat(errorPage(409)).contains("已被他人修改");
        MvcResult failed = mvc.perform(get("/error").accept(MediaType.TEXT_HTML)
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret SQL detail"))
                        .cookie(new Cookie("GRIDCARE_LANG", "en")))
                .andReturn();
        String page = failed.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Server error").contains(failed.getResponse().getHeader("X-Request-Id"))
                .doesNotContain("secret SQL detail").doesNotContain("IllegalStateException");
    }

    private String errorPage(int status) throws Exception {
        return mvc.perform(get("/error").accept(MediaType.TEXT_HTML).requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/somewhere"))
                .andExpect(status().is(status)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private RequestPostProcessor as(String username) {
        return user(accounts.loadUserByUsername(username));
    }

    private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                        RequestPostProcessor who) throws Exception {
        if (who != null) {
            request.with(who);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
