package org.gridcare.shared.web;

import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.identity.Role;
import org.gridcare.organisation.OrgUnitKind;
import org.junit.jupiter.api.Test;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every API error is an RFC 9457 problem detail — {@code type}, {@code title}, {@code status},
 * {@code detail}, and for bad input {@code errors[{field, message}]} — in Chinese unless the caller
 * asks for English, and a refused request changes nothing.
 */
@GridCareTest
class ProblemDetailsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void aMissingFieldIsNamedInTheErrors() throws Exception {
        String name = Fixtures.unique("无编码单位");

        expectProblem(mvc.perform(postJson("/api/v1/org-units", """
                {"name": "%s", "kind": "TEAM", "parentCode": "HQ"}""".formatted(name)).with(asAdmin())),
                400, "validation")
                .andExpect(jsonPath("$.title").value("输入有误"))
                .andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.errors[0].message").value("不能为空。"));

        mvc.perform(get("/api/v1/org-units").param("text", name).with(asAdmin()))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void anUnknownKindIsNamedInTheErrors() throws Exception {
        String code = Fixtures.unique("PB-PLANET");

        expectProblem(mvc.perform(postJson("/api/v1/org-units", """
                {"code": "%s", "name": "行星", "kind": "PLANET", "parentCode": "HQ"}""".formatted(code))
                        .with(asAdmin())), 400, "validation")
                .andExpect(jsonPath("$.errors[0].field").value("kind"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("PLANET")));

        expectNothingSavedFor(code);
    }

    @Test
    void malformedJsonIsAMalformedRequest() throws Exception {
        String code = Fixtures.unique("PB-BROKEN");

        expectProblem(mvc.perform(postJson("/api/v1/org-units", """
                {"code": "%s", "name": "断了的 JSON\"""".formatted(code)).with(asAdmin())), 400, "malformed-request")
                .andExpect(jsonPath("$.detail").value("请求体不是有效的 JSON。"));

        expectNothingSavedFor(code);
    }

    @Test
    void aTextTheDatabaseCannotStoreIsA400NotA500() throws Exception {
        String code = Fixtures.unique("PB-NUL");
        String nul = "\\u0000";

        expectProblem(mvc.perform(postJson("/api/v1/org-units", """
                {"code": "%s", "name": "空%s字符", "kind": "TEAM", "parentCode": "HQ"}""".formatted(code, nul))
                        .with(asAdmin())), 400, "malformed-request");

        expectNothingSavedFor(code);
    }

    @Test
    void nobodySignedInIsA401() throws Exception {
        expectProblem(mvc.perform(get("/api/v1/org-units")), 401, "unauthenticated")
                .andExpect(jsonPath("$.title").value("未认证"));
    }

    @Test
    void aRoleWithoutTheRightIsA403AndChangesNothing() throws Exception {
        String agent = Fixtures.unique("pb-agent-");
        fixtures.user(agent, "HQ", Role.AGENT);
        String code = Fixtures.unique("PB-AGENT");

        expectProblem(mvc.perform(postJson("/api/v1/org-units", """
                {"code": "%s", "name": "坐席建的单位", "kind": "TEAM", "parentCode": "HQ"}""".formatted(code))
                        .with(as(agent))), 403, "forbidden")
                .andExpect(jsonPath("$.title").value("无权访问"));

        expectNothingSavedFor(code);
    }

    @Test
    void anUnknownUnitIsA404NamingIt() throws Exception {
        String code = Fixtures.unique("PB-NONE");

        expectProblem(mvc.perform(get("/api/v1/org-units/" + code).with(asAdmin())), 404, "not-found")
                .andExpect(jsonPath("$.detail").value(containsString(code)));
    }

    @Test
    void anUnknownApiPathIsA404Problem() throws Exception {
        expectProblem(mvc.perform(get("/api/v1/no-such-thing").with(asAdmin())), 404, "http-404")
                .andExpect(jsonPath("$.title").value("未找到"))
                .andExpect(jsonPath("$.detail").value(not(containsString("static resource"))));
    }

    @Test
    void aMethodTheEndpointLacksIsA405Problem() throws Exception {
        expectProblem(mvc.perform(delete("/api/v1/org-units").with(asAdmin())), 405, "http-405");
    }

    @Test
    void aDuplicateCodeIsA409AndTheFirstUnitStaysAsItWas() throws Exception {
        String code = Fixtures.unique("PB-DUP");
        fixtures.unit(code, OrgUnitKind.SUPPLY_STATION, "HQ");

        expectProblem(mvc.perform(postJson("/api/v1/org-units", """
                {"code": "%s", "name": "重复的单位", "kind": "TEAM", "parentCode": "HQ"}""".formatted(code))
                        .with(asAdmin())), 409, "conflict")
                .andExpect(jsonPath("$.detail").value("组织编码“" + code + "”已存在。"));

        mvc.perform(get("/api/v1/org-units/" + code).with(asAdmin()))
                .andExpect(jsonPath("$.kind").value("SUPPLY_STATION"))
                .andExpect(jsonPath("$.name").value("单位 " + code));
        assertThat(auditActions(mvc, "OrgUnit", code)).containsExactly("ORG_UNIT_CREATED");
    }

    @Test
    void aStaleVersionIsA409AndTheUnitKeepsItsName() throws Exception {
        String code = Fixtures.unique("PB-STALE");
        int version = fixtures.unit(code, OrgUnitKind.SUPPLY_STATION, "HQ").version();

        expectProblem(mvc.perform(patchJson("/api/v1/org-units/" + code, """
                {"name": "过时的改名", "version": %d}""".formatted(version + 1)).with(asAdmin())), 409, "conflict");

        mvc.perform(get("/api/v1/org-units/" + code).with(asAdmin()))
                .andExpect(jsonPath("$.name").value("单位 " + code))
                .andExpect(jsonPath("$.version").value(version));
    }

    @Test
    void movingAUnitUnderItsOwnChildIsA409() throws Exception {
        String parent = Fixtures.unique("PB-PARENT");
        String child = Fixtures.unique("PB-CHILD");
        fixtures.unit(parent, OrgUnitKind.CITY_COMPANY, "HQ");
        fixtures.unit(child, OrgUnitKind.COUNTY_COMPANY, parent);

        expectProblem(mvc.perform(patchJson("/api/v1/org-units/" + parent, """
                {"parentCode": "%s"}""".formatted(child)).with(asAdmin())), 409, "conflict");

        mvc.perform(get("/api/v1/org-units/" + parent).with(asAdmin())).andExpect(jsonPath("$.parentCode").value("HQ"));
        mvc.perform(get("/api/v1/org-units/" + child).with(asAdmin())).andExpect(jsonPath("$.parentCode").value(parent));
    }

    @Test
    void problemsAreInEnglishWhenTheCallerAsksForIt() throws Exception {
        expectProblem(mvc.perform(postJson("/api/v1/org-units", "{}").header("Accept-Language", "en")
                        .with(asAdmin())), 400, "validation")
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.detail").value("Some fields of the request are invalid; see the errors list."))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("code")))
                .andExpect(jsonPath("$.errors[*].message").value(hasItem("Must not be blank.")));
        expectProblem(mvc.perform(get("/api/v1/org-units").header("Accept-Language", "en")), 401, "unauthenticated")
                .andExpect(jsonPath("$.title").value("Unauthenticated"));
        expectProblem(mvc.perform(get("/api/v1/org-units/NO-SUCH-UNIT").header("Accept-Language", "en-GB,en;q=0.9")
                        .with(asAdmin())), 404, "not-found")
                .andExpect(jsonPath("$.title").value("Not found"));
    }

    @Test
    void anUnsupportedLanguageFallsBackToChinese() throws Exception {
        expectProblem(mvc.perform(get("/api/v1/org-units").header("Accept-Language", "fr")), 401, "unauthenticated")
                .andExpect(jsonPath("$.title").value("未认证"));
    }

    private static ResultActions expectProblem(ResultActions response, int status, String kind) throws Exception {
        return response.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:gridcare:problem:" + kind))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").value(not(emptyOrNullString())))
                .andExpect(jsonPath("$.detail").value(not(emptyOrNullString())));
    }

    private void expectNothingSavedFor(String code) throws Exception {
        mvc.perform(get("/api/v1/org-units/" + code).with(asAdmin())).andExpect(status().isNotFound());
        assertThat(auditActions(mvc, "OrgUnit", code)).isEmpty();
    }
}
