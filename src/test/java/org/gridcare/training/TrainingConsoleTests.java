package org.gridcare.training;

import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.identity.Role;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    @Autowired JdbcClient jdbc;

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

    @Test
    void aPlanIsEditedInTheConsoleAndABlankTitleChangesNothing() throws Exception {
        fixtures.root();
        OrgUnit city = fixtures.unit(Fixtures.unique("KP"), OrgUnitKind.CITY_COMPANY, "HQ");
        String trainer = Fixtures.unique("ptrn");
        String agent = Fixtures.unique("pag");
        fixtures.user(trainer, city.code(), Role.TRAINER);
        fixtures.user(agent, city.code(), Role.AGENT);
        RequestPostProcessor asTrainer = user(accounts.loadUserByUsername(trainer));
        RequestPostProcessor asAgent = user(accounts.loadUserByUsername(agent));
        String course = "KP-" + Fixtures.unique("").toUpperCase().replaceAll("[^A-Z0-9]", "");
        mvc.perform(post("/training/courses").with(asTrainer).with(csrf()).param("code", course).param("title", "投诉处理")
                .param("topic", "SAFETY").param("mode", "INTERNAL").param("hours", "2").param("passMark", "60")
                .param("multipleRule", "PROPORTIONAL"));

        assertThat(mvc.perform(post("/training/plans").with(asTrainer).with(csrf()).param("year", "2026")
                .param("unitCode", city.code()).param("title", "年度培训").param("hours_AGENT", "12")
                .param("courseCodes", course)).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/training/plans");
        long id = jdbc.sql("select p.id from trn_plan p join org_unit u on u.id = p.unit_id where u.code = :unit")
                .param("unit", city.code()).query(Long.class).single();
        assertThat(page(asTrainer, "/training/plans/" + id)).contains("gc-plan-edit", "年度培训", "value=\"12\"", course);

        String back = mvc.perform(post("/training/plans/" + id).with(asTrainer).with(csrf()).param("version", "0")
                .param("title", " ").param("hours_AGENT", "20")).andReturn().getResponse().getRedirectedUrl();
        assertThat(back).isEqualTo("/training/plans/" + id);
        assertThat(hoursOf(id)).isEqualByComparingTo("12");

        int version = jdbc.sql("select version from trn_plan where id = :id").param("id", id).query(Integer.class).single();
        assertThat(mvc.perform(post("/training/plans/" + id).with(asTrainer).with(csrf()).param("version", String.valueOf(version))
                .param("title", "年度培训（修订）").param("hours_AGENT", "20")).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/training/plans");
        assertThat(hoursOf(id)).isEqualByComparingTo("20");
        assertThat(page(asTrainer, "/training/plans")).contains("年度培训（修订）");
        // the course was dropped because the form no longer listed it
        assertThat(jdbc.sql("select count(*) from trn_plan_course where plan_id = :id").param("id", id)
                .query(Integer.class).single()).isZero();
        assertThat(mvc.perform(get("/training/plans/" + id).with(asAgent)).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    private java.math.BigDecimal hoursOf(long plan) {
        return jdbc.sql("select required_hours from trn_plan_requirement where plan_id = :id and position = 'AGENT'")
                .param("id", plan).query(java.math.BigDecimal.class).single();
    }

    private String page(RequestPostProcessor signedIn, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(signedIn)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }
}
