package org.gridcare;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.gridcare.identity.Role;
import org.gridcare.identity.UserChanges;
import org.gridcare.identity.UserView;
import org.gridcare.identity.Users;
import org.gridcare.organisation.OrgUnitKind;
import org.gridcare.shared.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Staff accounts through the console's forms: create, search, change, reset, unlock. */
@GridCareTest
class ConsoleUserTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Users users;

    @Autowired
    UserDetailsService accounts;

    String unit;
    String manager;

    @BeforeEach
    void unitWithManager() {
        unit = Fixtures.unique("CU");
        fixtures.unit(unit, OrgUnitKind.CITY_COMPANY, fixtures.root().code());
        manager = Fixtures.unique("mgr");
        fixtures.user(manager, unit, Role.MANAGER);
    }

    @Test
    void aManagerCreatesAUserThroughTheForm() throws Exception {
        String username = Fixtures.unique("new");
        mvc.perform(post("/admin/users/new").with(as(manager)).with(csrf())
                        .param("username", username).param("displayName", "李四")
                        .param("password", "Str0ng-Secret!").param("roles", "AGENT", "DISPATCHER")
                        .param("unitCode", unit).param("enabled", "true").param("_enabled", "on"))
                .andExpect(redirectedUrl("/admin/users/" + username))
                .andExpect(flash().attribute("notice", "users.notice.created"));

        UserView created = users.get(username, Fixtures.admin());
        assertThat(created.displayName()).isEqualTo("李四");
        assertThat(created.roles()).containsExactlyInAnyOrder(Role.AGENT, Role.DISPATCHER);
        assertThat(created.unitCode()).isEqualTo(unit);
        assertThat(created.enabled()).isTrue();
        assertThat(page(get("/admin/users/" + username), as(manager))).contains("李四").contains(unit);
    }

    @Test
    void aBadFormShowsFieldErrorsAndSavesNothing() throws Exception {
        String username = Fixtures.unique("bad");
        String page = page(post("/admin/users/new").with(csrf()).param("username", username + " x")
                .param("displayName", "").param("password", "Str0ng-Secret!").param("unitCode", unit)
                .param("_roles", "on"), as(manager));
        assertThat(page).contains("用户名为 3–50 位字母").contains("不能为空").contains("至少选择一个角色")
                .contains("is-invalid").contains("value=\"" + unit + "\" selected");
        assertThatThrownBy(() -> users.get(username, Fixtures.admin())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void domainRulesComeBackAsFormErrors() throws Exception {
        String username = Fixtures.unique("weak");
        String weak = page(post("/admin/users/new").with(csrf()).param("username", username)
                .param("displayName", "王五").param("password", "short").param("roles", "AGENT")
                .param("unitCode", unit), as(manager));
        assertThat(weak).contains("密码至少 10 位");
        assertThatThrownBy(() -> users.get(username, Fixtures.admin())).isInstanceOf(NotFoundException.class);

        String adminByManager = page(post("/admin/users/new").with(csrf()).param("username", username)
                .param("displayName", "王五").param("password", "Str0ng-Secret!").param("roles", "ADMIN")
                .param("unitCode", unit), as(manager));
        assertThat(adminByManager).contains("只有系统管理员可以授予管理员角色");

        String duplicate = page(post("/admin/users/new").with(csrf()).param("username", manager)
                .param("displayName", "王五").param("password", "Str0ng-Secret!").param("roles", "AGENT")
                .param("unitCode", unit), as(manager));
        assertThat(duplicate).contains("alert-danger").contains("用户名“" + manager + "”已存在");
    }

    @Test
    void searchAsYouTypeReturnsOnlyTheResultsForHtmx() throws Exception {
        String agent = Fixtures.unique("findme");
        fixtures.user(agent, unit, Role.AGENT);
        String partial = page(get("/admin/users").param("text", agent).header("HX-Request", "true"), as(manager));
        assertThat(partial).doesNotContain("<html").contains("gc-user-results").contains(agent)
                .doesNotContain(manager);
        String full = page(get("/admin/users").param("text", agent).param("role", "NO_SUCH_ROLE"), as(manager));
        assertThat(full).contains("<html").contains("gc-user-search").contains(agent);
        String restore = page(get("/admin/users").param("text", agent).header("HX-Request", "true")
                .header("HX-History-Restore-Request", "true"), as(manager));
        assertThat(restore).contains("<html");
    }

    @Test
    void editingWithAStaleVersionShowsTheConflictInTheForm() throws Exception {
        String agent = Fixtures.unique("edit");
        fixtures.user(agent, unit, Role.AGENT);
        int version = users.get(agent, Fixtures.admin()).version();
        users.change(agent, new UserChanges("改过的名字", null, null, null, null, version), Fixtures.admin());

        String page = page(post("/admin/users/" + agent).with(csrf()).param("displayName", "我的修改")
                .param("roles", "AGENT").param("unitCode", unit).param("enabled", "true")
                .param("version", String.valueOf(version)), as(manager));
        assertThat(page).contains("已被他人修改");
        assertThat(users.get(agent, Fixtures.admin()).displayName()).isEqualTo("改过的名字");

        mvc.perform(post("/admin/users/" + agent).with(as(manager)).with(csrf()).param("displayName", "我的修改")
                        .param("roles", "AGENT", "SUPERVISOR").param("unitCode", unit).param("_enabled", "on")
                        .param("version", String.valueOf(version + 1)))
                .andExpect(redirectedUrl("/admin/users/" + agent));
        UserView changed = users.get(agent, Fixtures.admin());
        assertThat(changed.displayName()).isEqualTo("我的修改");
        assertThat(changed.roles()).isEqualTo(Set.of(Role.AGENT, Role.SUPERVISOR));
        assertThat(changed.enabled()).isFalse();
    }

    @Test
    void passwordResetNeedsTheSamePasswordTwiceAndThenWorks() throws Exception {
        String agent = Fixtures.unique("reset");
        fixtures.user(agent, unit, Role.AGENT);
        assertThat(page(post("/admin/users/" + agent + "/password").with(csrf())
                .param("password", "N3w-Password!").param("confirmPassword", "N3w-Password?"), as(manager)))
                .contains("两次输入的新密码不一致");
        mvc.perform(post("/admin/users/" + agent + "/password").with(as(manager)).with(csrf())
                        .param("password", "N3w-Password!").param("confirmPassword", "N3w-Password!"))
                .andExpect(redirectedUrl("/admin/users/" + agent))
                .andExpect(flash().attribute("notice", "users.notice.passwordReset"));
        mvc.perform(post("/login").param("username", agent).param("password", "N3w-Password!").with(csrf()))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void aLockedUserShowsABadgeAndCanBeUnlocked() throws Exception {
        String agent = Fixtures.unique("lock");
        fixtures.user(agent, unit, Role.AGENT);
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").param("username", agent).param("password", "wrong").with(csrf()));
        }
        assertThat(users.get(agent, Fixtures.admin()).locked()).isTrue();
        assertThat(page(get("/admin/users/" + agent), as(manager))).contains("gc-locked-badge").contains("解除锁定");

        mvc.perform(post("/admin/users/" + agent + "/unlock").with(as(manager)).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + agent));
        assertThat(users.get(agent, Fixtures.admin()).locked()).isFalse();
    }

    @Test
    void usersOutsideTheManagersUnitAreNotFound() throws Exception {
        String otherUnit = Fixtures.unique("CO");
        fixtures.unit(otherUnit, OrgUnitKind.CITY_COMPANY, fixtures.root().code());
        String stranger = Fixtures.unique("far");
        fixtures.user(stranger, otherUnit, Role.AGENT);
        mvc.perform(get("/admin/users/" + stranger).with(as(manager))).andExpect(status().isNotFound());
        assertThat(page(get("/admin/users/new"), as(manager))).doesNotContain(otherUnit)
                .doesNotContain("value=\"ADMIN\"");
    }

    private RequestPostProcessor as(String username) {
        return user(accounts.loadUserByUsername(username));
    }

    private String page(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
        return mvc.perform(request.with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
