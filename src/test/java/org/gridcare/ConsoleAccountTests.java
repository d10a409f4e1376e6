package org.gridcare;

import java.nio.charset.StandardCharsets;

import org.gridcare.identity.ApiToken;
import org.gridcare.identity.ApiTokens;
import org.gridcare.identity.Role;
import org.gridcare.organisation.OrgUnitKind;
import org.gridcare.shared.security.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A user's own account page: password change and personal API tokens. */
@GridCareTest
class ConsoleAccountTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiTokens tokens;

    @Autowired
    UserDetailsService accounts;

    String agent;

    @BeforeEach
    void agent() {
        String unit = Fixtures.unique("AC");
        fixtures.unit(unit, OrgUnitKind.CITY_COMPANY, fixtures.root().code());
        agent = Fixtures.unique("me");
        fixtures.user(agent, unit, Role.AGENT);
    }

    @Test
    void changingThePasswordChecksTheConfirmationTheCurrentPasswordAndThePolicy() throws Exception {
        assertThat(page(post("/account/password").with(csrf()).param("currentPassword", Fixtures.PASSWORD)
                .param("newPassword", "An0ther-Secret").param("confirmPassword", "An0ther-Secrex"), as(agent)))
                .contains("两次输入的新密码不一致");
        assertThat(page(post("/account/password").with(csrf()).param("currentPassword", "not-it")
                .param("newPassword", "An0ther-Secret").param("confirmPassword", "An0ther-Secret"), as(agent)))
                .contains("当前密码不正确");
        assertThat(page(post("/account/password").with(csrf()).param("currentPassword", Fixtures.PASSWORD)
                .param("newPassword", "weak").param("confirmPassword", "weak"), as(agent)))
                .contains("密码至少 10 位");

        mvc.perform(post("/account/password").with(as(agent)).with(csrf()).param("currentPassword", Fixtures.PASSWORD)
                        .param("newPassword", "An0ther-Secret").param("confirmPassword", "An0ther-Secret"))
                .andExpect(redirectedUrl("/account"));
        mvc.perform(post("/login").param("username", agent).param("password", "An0ther-Secret").with(csrf()))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void aNewTokenSecretIsShownOnceAndTheTokenCanBeRevoked() throws Exception {
        MvcResult created = mvc.perform(post("/account/tokens").with(as(agent)).with(csrf())
                        .param("name", "营销系统对接").param("validDays", "30"))
                .andExpect(redirectedUrl("/account/tokens")).andReturn();
        String secret = (String) created.getFlashMap().get("issuedSecret");
        assertThat(secret).startsWith("gct_");

        String shown = page(get("/account/tokens").flashAttrs(created.getFlashMap()), as(agent));
        assertThat(shown).contains(secret).contains("营销系统对接").contains("data-copy-target");
        String later = page(get("/account/tokens"), as(agent));
        assertThat(later).contains("营销系统对接").contains(secret.substring(0, 10)).doesNotContain(secret);

        Actor me = (Actor) accounts.loadUserByUsername(agent);
        ApiToken token = tokens.list(me).get(0);
        mvc.perform(post("/account/tokens/" + token.id() + "/revoke").with(as(agent)).with(csrf()))
                .andExpect(redirectedUrl("/account/tokens"));
        assertThat(tokens.list(me).get(0).revokedAt()).isNotNull();
        assertThat(page(get("/account/tokens"), as(agent))).contains("已吊销");
    }

    @Test
    void badTokenInputIsAFormError() throws Exception {
        assertThat(page(post("/account/tokens").with(csrf()).param("name", "x").param("validDays", "9999"), as(agent)))
                .contains("有效期应在 1 到 365 天之间");
        assertThat(page(post("/account/tokens").with(csrf()).param("name", "").param("validDays", "abc"), as(agent)))
                .contains("不能为空").contains("格式或取值不正确");
        assertThat(tokens.list((Actor) accounts.loadUserByUsername(agent))).isEmpty();
    }

    @Test
    void nobodyRevokesSomeoneElsesToken() throws Exception {
        Actor me = (Actor) accounts.loadUserByUsername(agent);
        long id = tokens.create(me, "mine", 10).token().id();
        String other = Fixtures.unique("other");
        fixtures.user(other, fixtures.root().code(), Role.AGENT);
        mvc.perform(post("/account/tokens/" + id + "/revoke").with(as(other)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(tokens.list(me).get(0).active()).isTrue();
    }

    private RequestPostProcessor as(String username) {
        return user(accounts.loadUserByUsername(username));
    }

    private String page(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
        return mvc.perform(request.with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
