package org.gridcare.plan;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import com.jayway.jsonpath.JsonPath;
import org.gridcare.Fixtures;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.ApiRequests.asAdmin;
import static org.gridcare.ApiRequests.postJson;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Customers, meters, readings and orders for the plan tests, made through the other modules' APIs. */
final class PlanWorld {

    private final MockMvc mvc;

    PlanWorld(MockMvc mvc) {
        this.mvc = mvc;
    }

    static String customerNumber() {
        return "47" + String.format("%09d", Math.abs(System.nanoTime() % 1_000_000_000L));
    }

    String customer(String station, String kind, String tariff, String capacity) throws Exception {
        String number = customerNumber();
        mvc.perform(postJson("/api/v1/customers", """
                {"number": "%s", "name": "方案测试", "kind": "%s", "voltageLevel": "AC10KV", "address": "杭州市滨江区江南大道2号",
                 "phone": "13800001234", "unitCode": "%s", "tariffCode": "%s"%s}
                """.formatted(number, kind, station, tariff, capacity == null ? "" : ", \"capacityKva\": " + capacity))
                .with(asAdmin())).andExpect(status().isCreated());
        return number;
    }

    String meter(String customer) throws Exception {
        String meterNumber = Fixtures.unique("PM");
        mvc.perform(postJson("/api/v1/customers/" + customer + "/meters", """
                {"meterNumber": "%s", "type": "HIGH_VOLTAGE_CT", "multiplier": 1, "installedOn": "2023-12-01"}
                """.formatted(meterNumber)).with(asAdmin())).andExpect(status().isCreated());
        return meterNumber;
    }

    /** Every day from {@code from} to {@code to} (inclusive): one 60-minute reading per given hour with its kWh. */
    static String daily(String meter, LocalDate from, LocalDate to, int[] hours, String[] kwh) {
        StringBuilder csv = new StringBuilder("meterNumber,start,minutes,kwh\n");
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (int i = 0; i < hours.length; i++) {
                csv.append("%s,%sT%02d:00,60,%s\n".formatted(meter, day, hours[i], kwh[i]));
            }
        }
        return csv.toString();
    }

    void importAndWait(String kind, String csv) throws Exception {
        String accepted = mvc.perform(multipart("/api/v1/meter-readings/import")
                        .file(new MockMultipartFile("file", Fixtures.unique("plan") + ".csv", "text/csv",
                                csv.getBytes(StandardCharsets.UTF_8)))
                        .param("kind", kind).with(asAdmin()))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(accepted, "$.id")).longValue();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (true) {
            String report = mvc.perform(get("/api/v1/meter-readings/imports/{id}", id).with(asAdmin()))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            String state = JsonPath.read(report, "$.status");
            if (state.equals("DONE")) {
                assertThat((Integer) JsonPath.read(report, "$.rowsRejected")).as(report).isZero();
                return;
            }
            assertThat(state).as(report).isNotEqualTo("FAILED");
            assertThat(Instant.now()).as("import did not finish").isBefore(deadline);
            Thread.sleep(50);
        }
    }

    /** A high-bill consultation of the customer (电费电价咨询). */
    String consultation(String customer) throws Exception {
        String body = mvc.perform(postJson("/api/v1/work-orders", """
                {"type": "CONSULTATION", "category": "CONSULTATION.TARIFF", "channel": "HOTLINE_95598",
                 "customerNumber": "%s", "callerName": "王先生", "callerPhone": "13800001234",
                 "description": "电费比去年高，想了解如何省电费"}
                """.formatted(customer)).with(asAdmin())).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return JsonPath.read(body, "$.number");
    }

    /** One move of an order, as the user, with the version the user reads first. */
    void act(String number, String action, RequestPostProcessor user, String fields) throws Exception {
        String order = mvc.perform(get("/api/v1/work-orders/{n}", number).with(user)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        int version = JsonPath.read(order, "$.version");
        var response = mvc.perform(postJson("/api/v1/work-orders/" + number + "/" + action,
                        "{\"version\": %d%s}".formatted(version, fields.isEmpty() ? "" : ", " + fields)).with(user))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(action + " → " + response.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(200);
    }

    /** Works an order through to its archive: dispatched, taken, replied, approved, visited, closed. */
    void complete(String number, RequestPostProcessor dispatcher, String crewName, RequestPostProcessor crew,
                  RequestPostProcessor supervisor) throws Exception {
        act(number, "dispatch", dispatcher, "\"handler\": \"%s\"".formatted(crewName));
        act(number, "accept", crew, "");
        act(number, "reply", crew, "\"replyText\": \"已办理电价变更，下月起执行，已告知客户\", \"result\": \"已办结\"");
        act(number, "review", supervisor, "\"approved\": true");
        act(number, "visit", supervisor, "\"result\": \"SATISFIED\", \"comment\": \"回访满意\"");
        act(number, "close", supervisor, "");
    }
}
