package org.gridcare.training;

import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.identity.Role;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The training pages render for trainers and staff; a bad course form shows its field errors and saves nothing. */
@GridCareTest
class TrainingConsoleTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService accounts;

    @Test
    void thePagesRenderAndABadCourseFormNamesItsFields() throws Exception {
        fixtures.root();
        OrgUnit city = fixtures.unit(Fixtures.unique("KC"), OrgUnitKind.CITY_COMPANY, "HQ");
        String trainer = Fixtures.unique("ktrn");
        String agent = Fixtures.unique("kag");
        fixtures.user(trainer, city.code(), Role.TRAINER);
        fixtures.user(agent, city.code(), Role.AGENT);
        RequestPostProcessor asTrainer = user(accounts.loadUserByUsername(trainer));
        RequestPostProcessor asAgent = user(accounts.loadUserByUsername(agent));
        String code = "KC-" + Fixtures.unique("").toUpperCase().replaceAll("[^A-Z0-9]", "");

        String invalid = mvc.perform(post("/training/courses").with(asTrainer).with(csrf()).param("code", "x")
                .param("title", "课程").param("topic", "SAFETY").param("mode", "INTERNAL").param("hours", "0"))
                .andReturn().getResponse().getContentAsString();
        assertThat(invalid).contains("编码须为", "学时须大于 0");
        MockHttpServletResponse saved = mvc.perform(post("/training/courses").with(asTrainer).with(csrf())
                .param("code", code).param("title", "安全规程").param("topic", "SAFETY").param("mode", "INTERNAL")
                .param("hours", "2").param("passMark", "60").param("multipleRule", "PROPORTIONAL")).andReturn()
                .getResponse();
        assertThat(saved.getRedirectedUrl()).isEqualTo("/training/courses/" + code);
        assertThat(mvc.perform(post("/training/courses").with(asAgent).with(csrf()).param("code", code + "X")
                .param("title", "t").param("topic", "SAFETY").param("mode", "INTERNAL").param("hours", "1"))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        mvc.perform(post("/training/courses/" + code + "/questions").with(asTrainer).with(csrf())
                .param("kind", "TRUE_FALSE").param("text", "停电作业前必须验电。").param("points", "5")
                .param("option", "正确", "错误").param("correct", "0"));

        assertThat(page(asTrainer, "/training/courses/" + code)).contains("安全规程", "停电作业前必须验电", "gc-session-form",
                "gc-question-form");
        assertThat(page(asAgent, "/training/courses/" + code)).contains("安全规程").doesNotContain("gc-question-form",
                "停电作业前必须验电");
        assertThat(page(asTrainer, "/training/courses")).contains(code, "gc-course-form");
        assertThat(page(asAgent, "/training")).contains("我的报名", "可报名的班次");
        assertThat(page(asAgent, "/training/transcript")).contains("应修学时", "已修学时");
        assertThat(page(asTrainer, "/training/plans")).contains("gc-plan-form", "客服坐席");
        assertThat(page(asTrainer, "/training/cases")).contains("gc-case-form");
        assertThat(page(asAgent, "/training/cases")).doesNotContain("gc-case-form");
    }

    private String page(RequestPostProcessor signedIn, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(signedIn)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }
}
