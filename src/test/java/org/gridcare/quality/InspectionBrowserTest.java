package org.gridcare.quality;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.MutableClock;
import org.gridcare.console.ConsoleBrowser;
import org.gridcare.identity.Role;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitKind;
import org.gridcare.shared.BusinessTime;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.ApiRequests.as;
import static org.gridcare.ApiRequests.asAdmin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * In a real browser: an inspector scores the order a plan sampled for them (the order's reply beside the form),
 * the agent sees the result and appeals the failed item, the supervisor overturns it.
 */
@GridCareTest
class InspectionBrowserTest {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;

    @Test
    void anInspectorScoresASampledOrderTheAgentAppealsAndTheSupervisorDecides() throws Exception {
        clock.reset();
        fixtures.root();
        OrgUnit city = fixtures.unit(Fixtures.unique("BQC"), OrgUnitKind.CITY_COMPANY, "HQ");
        OrgUnit station = fixtures.unit(Fixtures.unique("BQS"), OrgUnitKind.SUPPLY_STATION, city.code());
        String agent = user("bag", station, Role.AGENT);
        String inspector = user("bins", city, Role.INSPECTOR);
        String supervisor = user("bsup", city, Role.SUPERVISOR);
        String customer = "37" + String.format("%010d", Math.abs(System.nanoTime()) % 10_000_000_000L);
        call(post("/api/v1/customers").with(asAdmin()), Map.of("number", customer, "name", "客户", "kind",
                "RESIDENTIAL", "voltageLevel", "AC220V", "address", "浏览器路 1 号", "phone", "13812345678",
                "unitCode", station.code()), 201);
        String number = call(post("/api/v1/work-orders").with(as(agent)), Map.of("type", "CONSULTATION",
                "category", "CONSULTATION.TARIFF", "channel", "HOTLINE_95598", "priority", "NORMAL",
                "customerNumber", customer, "callerName", "王五", "callerPhone", "13900002222",
                "description", "咨询阶梯电价"), 201).get("number").asString();
        int version = call(get("/api/v1/work-orders/" + number).with(as(agent)), null, 200).get("version").asInt();
        call(post("/api/v1/work-orders/" + number + "/close").with(as(agent)), Map.of("version", version,
                "replyText", "第一档每千瓦时 0.538 元"), 200);
        String month = YearMonth.from(LocalDate.ofInstant(clock.instant(), BusinessTime.ZONE)).toString();
        JsonNode plan = call(post("/api/v1/quality/plans").with(as(supervisor)), Map.of("month", month, "unitCode",
                station.code(), "samplePercent", 100, "seed", 1), 201);
        assertThat(plan.get("sampled").asInt()).isEqualTo(1);
        long id = call(get("/api/v1/quality/inspections").param("plan", plan.get("id").asString()).with(as(supervisor)),
                null, 200).get("items").get(0).get("id").asLong();

        try (ConsoleBrowser browser = ConsoleBrowser.start(port)) {
            browser.signIn(inspector, Fixtures.PASSWORD);
            browser.inChinese();
            browser.open("/quality/inspections?mine=true");
            browser.click(By.id("gc-inspection-" + id));
            browser.waitForText(By.id("gc-inspection-reply"), "0.538");
            assertThat(browser.text(By.id("gc-inspection-timeline"))).contains(agent);
            browser.click(By.cssSelector("label[for='gc-REPLY-FAIL']"));
            browser.type(By.id("gc-comment-REPLY"), "未说明第二、三档电价");
            browser.screenshot("quality-score");
            browser.driver().findElement(By.id("gc-score-form")).submit();
            browser.waitForText(By.id("gc-inspection-status"), "已评分");
            assertThat(browser.text(By.id("gc-inspection-score"))).startsWith("80.00");
            browser.signOut();

            browser.signIn(agent, Fixtures.PASSWORD);
            browser.inChinese();
            browser.open("/quality/inspections");
            browser.click(By.id("gc-inspection-" + id));
            browser.waitForText(By.id("gc-inspection-staff"), agent);
            browser.click(By.id("gc-appeal-REPLY"));
            browser.type(By.id("gc-appeal-text"), "客户只询问第一档电价，已完整答复");
            // the form's own submit: under load the button may still sit under the notice that fades out
            browser.driver().findElement(By.id("gc-appeal-form")).submit();
            browser.waitForText(By.id("gc-inspection-status"), "申诉中");
            assertThat(browser.driver().findElements(By.id("gc-appeal-form"))).as("appeal once").isEmpty();
            browser.signOut();

            browser.signIn(supervisor, Fixtures.PASSWORD);
            browser.inChinese();
            browser.open("/quality/inspections/" + id);
            browser.waitForText(By.id("gc-appeal-reason"), "第一档");
            new Select(browser.driver().findElement(By.id("gc-decide-REPLY"))).selectByValue("OVERTURNED");
            browser.driver().findElement(By.id("gc-decide-form")).submit();
            browser.waitForText(By.id("gc-inspection-status"), "已裁定");
            assertThat(browser.text(By.id("gc-outcome-REPLY"))).isEqualTo("改判");
            assertThat(browser.text(By.id("gc-inspection-score"))).startsWith("100.00");
            browser.screenshot("quality-decided");
        }
        JsonNode decided = call(get("/api/v1/quality/inspections/" + id).with(as(agent)), null, 200);
        assertThat(decided.get("error").asBoolean()).isFalse();
    }

    private String user(String prefix, OrgUnit unit, Role... roles) {
        String name = Fixtures.unique(prefix);
        fixtures.user(name, unit.code(), roles);
        return name;
    }

    private JsonNode call(MockHttpServletRequestBuilder request, Object body, int status) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(new HashMap<>(
                    (Map<?, ?>) body)));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String content = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(request + " → " + content).isEqualTo(status);
        return content.isEmpty() ? null : json.readTree(content);
    }
}
