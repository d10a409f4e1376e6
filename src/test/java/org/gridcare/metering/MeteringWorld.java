package org.gridcare.metering;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import com.jayway.jsonpath.JsonPath;
import org.gridcare.Fixtures;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.gridcare.ApiRequests.asAdmin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Customers with meters, reading uploads and waiting for their background imports, through the API. */
final class MeteringWorld {

    private final MockMvc mvc;

    MeteringWorld(MockMvc mvc) {
        this.mvc = mvc;
    }

    static String customerNumber() {
        return "45" + String.format("%09d", Math.abs(System.nanoTime() % 1_000_000_000L));
    }

    String customer(String kind, String station) throws Exception {
        String number = customerNumber();
        mvc.perform(post("/api/v1/customers").with(asAdmin()).contentType(MediaType.APPLICATION_JSON).content("""
                {"number": "%s", "name": "测试用户", "kind": "%s", "voltageLevel": "AC220V",
                 "address": "杭州市西湖区文三路1号", "phone": "13800001234", "unitCode": "%s"}
                """.formatted(number, kind, station))).andExpect(status().isCreated());
        return number;
    }

    void meter(String customer, String meterNumber, String multiplier, String installedOn, String removedOn)
            throws Exception {
        mvc.perform(post("/api/v1/customers/{n}/meters", customer).with(asAdmin()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"meterNumber": "%s", "type": "THREE_PHASE_CT", "multiplier": %s, "installedOn": "%s"%s}
                        """.formatted(meterNumber, multiplier, installedOn,
                        removedOn == null ? "" : ", \"removedOn\": \"" + removedOn + "\"")))
                .andExpect(status().isCreated());
    }

    /** Uploads a file and waits until its import has finished; returns the import's report as JSON. */
    String importAndWait(String kind, String fileName, byte[] content) throws Exception {
        String accepted = mvc.perform(multipart("/api/v1/meter-readings/import")
                        .file(new MockMultipartFile("file", fileName, "text/csv", content))
                        .param("kind", kind).with(asAdmin()))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        Number id = JsonPath.read(accepted, "$.id");
        return waitFor(id.longValue());
    }

    String importAndWait(String kind, String content) throws Exception {
        return importAndWait(kind, Fixtures.unique("readings") + ".csv", content.getBytes(StandardCharsets.UTF_8));
    }

    String waitFor(long id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            String report = mvc.perform(get("/api/v1/meter-readings/imports/{id}", id).param("size", "1000").with(asAdmin()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            String state = JsonPath.read(report, "$.status");
            if (state.equals("DONE") || state.equals("FAILED")) {
                return report;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("import " + id + " did not finish: " + report);
            }
            Thread.sleep(50);
        }
    }
}
