package org.gridcare;

import java.nio.charset.StandardCharsets;

import org.gridcare.identity.Role;
import org.gridcare.organisation.AreaType;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitKind;
import org.gridcare.organisation.OrgUnits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The organisation tree through the console: add, rename, re-type, move, disable — with the tree's rules as form errors. */
@GridCareTest
class ConsoleOrgUnitTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrgUnits units;

    @Autowired
    UserDetailsService accounts;

    String city;
    String manager;

    @BeforeEach
    void cityWithManager() {
        city = Fixtures.unique("CT");
        fixtures.unit(city, OrgUnitKind.CITY_COMPANY, fixtures.root().code());
        manager = Fixtures.unique("om");
        fixtures.user(manager, city, Role.MANAGER);
    }

    @Test
    void aManagerAddsAChildUnitAndSeesItIndentedInTheTree() throws Exception {
        String county = Fixtures.unique("CY");
        assertThat(page(get("/admin/org-units/new").param("parentCode", city), as(manager)))
                .contains("value=\"COUNTY_COMPANY\" selected");
        mvc.perform(post("/admin/org-units/new").with(as(manager)).with(csrf()).param("parentCode", city)
                        .param("code", county).param("name", "东城区供电公司").param("kind", "COUNTY_COMPANY")
                        .param("areaType", ""))
                .andExpect(redirectedUrl("/admin/org-units"));
        OrgUnit created = units.findByCode(county).orElseThrow();
        assertThat(created.parentCode()).isEqualTo(city);
        assertThat(created.areaType()).isEqualTo(AreaType.URBAN);

        String tree = page(get("/admin/org-units"), as(manager));
        assertThat(tree).contains("东城区供电公司").contains("县公司").contains("width: 1.5rem")
                .doesNotContain("id=\"gc-new-root\"");
    }

    @Test
    void treeRulesAndBadInputComeBackAsFormErrors() throws Exception {
        String code = Fixtures.unique("X");
        String page = page(post("/admin/org-units/new").with(csrf()).param("parentCode", city)
                .param("code", "bad code!").param("name", " ").param("kind", "NOT_A_KIND"), as(manager));
        assertThat(page).contains("编码只能包含字母").contains("不能为空").contains("格式或取值不正确");

        String underItself = page(post("/admin/org-units/new").with(csrf()).param("parentCode", city)
                .param("code", code).param("name", "又一个市公司").param("kind", "PROVINCE_COMPANY"), as(manager));
        assertThat(underItself).contains("省公司不能设在市公司之下");

        String noParent = page(post("/admin/org-units/new").with(csrf()).param("parentCode", "")
                .param("code", code).param("name", "新省公司").param("kind", "PROVINCE_COMPANY"), as(manager));
        assertThat(noParent).contains("除省公司外，每个单位都必须有上级单位");
        assertThat(units.findByCode(code)).isEmpty();

        // a NUL character, which PostgreSQL refuses inside a text: the 400 page, not a server error; nothing moved
        String parent = units.findByCode(city).orElseThrow().parentCode();
        mvc.perform(post("/admin/org-units/" + city + "/move").with(as(manager)).with(csrf())
                        .param("parentCode", "HQ\u0000"))
                .andExpect(status().isBadRequest());
        assertThat(units.findByCode(city).orElseThrow().parentCode()).isEqualTo(parent);
    }

    @Test
    void renamingRetypingMovingAndDisablingGoThroughTheEditPage() throws Exception {
        String station = Fixtures.unique("ST");
        String otherCounty = Fixtures.unique("OC");
        String county = Fixtures.unique("CO");
        fixtures.unit(county, OrgUnitKind.COUNTY_COMPANY, city);
        fixtures.unit(otherCounty, OrgUnitKind.COUNTY_COMPANY, city);
        fixtures.unit(station, OrgUnitKind.SUPPLY_STATION, county);
        int version = units.findByCode(station).orElseThrow().version();

        mvc.perform(post("/admin/org-units/" + station).with(as(manager)).with(csrf()).param("name", "河西供电所")
                        .param("kind", "SERVICE_CENTRE").param("areaType", "RURAL")
                        .param("version", String.valueOf(version)))
                .andExpect(redirectedUrl("/admin/org-units/" + station));
        OrgUnit renamed = units.findByCode(station).orElseThrow();
        assertThat(renamed.name()).isEqualTo("河西供电所");
        assertThat(renamed.kind()).isEqualTo(OrgUnitKind.SERVICE_CENTRE);
        assertThat(renamed.areaType()).isEqualTo(AreaType.RURAL);

        assertThat(page(post("/admin/org-units/" + station).with(csrf()).param("name", "旧名字")
                .param("kind", "SERVICE_CENTRE").param("areaType", "RURAL")
                .param("version", String.valueOf(version)), as(manager))).contains("已被他人修改");

        mvc.perform(post("/admin/org-units/" + station + "/move").with(as(manager)).with(csrf())
                        .param("parentCode", otherCounty))
                .andExpect(redirectedUrl("/admin/org-units/" + station));
        assertThat(units.findByCode(station).orElseThrow().parentCode()).isEqualTo(otherCounty);

        assertThat(page(post("/admin/org-units/" + otherCounty + "/move").with(csrf()).param("parentCode", station),
                as(manager))).contains("不能把").contains("移动到其下级单位");

        assertThat(page(post("/admin/org-units/" + otherCounty + "/enabled").with(csrf()).param("enabled", "false"),
                as(manager))).contains("还有启用的下级单位");
        mvc.perform(post("/admin/org-units/" + station + "/enabled").with(as(manager)).with(csrf())
                        .param("enabled", "false"))
                .andExpect(redirectedUrl("/admin/org-units/" + station));
        assertThat(units.findByCode(station).orElseThrow().enabled()).isFalse();
        assertThat(page(get("/admin/org-units"), as(manager))).contains("gc-tree-row gc-disabled");
    }

    @Test
    void unitsOutsideTheManagersSubtreeAreNotFound() throws Exception {
        mvc.perform(get("/admin/org-units/" + fixtures.root().code()).with(as(manager)))
                .andExpect(status().isNotFound());
        assertThat(page(get("/admin/org-units"), as(manager))).doesNotContain(">" + fixtures.root().code() + "<");
    }

    private RequestPostProcessor as(String username) {
        return user(accounts.loadUserByUsername(username));
    }

    private String page(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
        return mvc.perform(request.with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
