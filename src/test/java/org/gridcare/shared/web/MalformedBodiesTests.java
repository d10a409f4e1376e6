package org.gridcare.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridcare.GridCareTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every JSON body the API takes, as its OpenAPI document describes it, answers malformed input with a 4xx problem
 * detail, never a server error: broken JSON, the wrong shape, and each field in turn given a value of the wrong kind
 * (an object for a scalar, a word for a list, a {@code null} inside a list, an unknown enum value). None of these
 * bodies can be read, so nothing is written. The fuzzing that found {@code "answers": [null]} and a calendar import
 * sent as JSON answering 500 (both fixed) became this test.
 */
@GridCareTest
class MalformedBodiesTests {

    /** A path parameter no record has; the body is read before the record is looked up. */
    private static final String NO_SUCH = "999999999";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired UserDetailsService accounts;

    @Test
    void everyJsonBodyAnswersMalformedInputWithA4xxProblem() throws Exception {
        // signed in once (HTTP Basic would hash the password on each of the ~900 requests)
        RequestPostProcessor admin = user(accounts.loadUserByUsername("admin"));
        JsonNode api = json.readTree(mvc.perform(get("/v3/api-docs").with(admin)).andReturn().getResponse()
                .getContentAsString());
        JsonNode schemas = api.path("components").path("schemas");
        List<String> serverErrors = new ArrayList<>();
        List<String> nullElements = new ArrayList<>();
        int bodies = 0;
        int sent = 0;
        for (var path : api.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                JsonNode schema = operation.getValue().path("requestBody").path("content").path("application/json")
                        .path("schema");
                if (schema.isMissingNode()) {
                    continue;
                }
                bodies++;
                HttpMethod method = HttpMethod.valueOf(operation.getKey().toUpperCase());
                String uri = path.getKey().replaceAll("\\{[^}]+}", NO_SUCH);
                for (String body : malformed(resolve(schema, schemas), schemas)) {
                    sent++;
                    MockHttpServletResponse response = mvc.perform(request(method, uri).with(admin)
                            .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
                    String call = method + " " + uri + " " + body;
                    if (response.getStatus() >= 500) {
                        serverErrors.add(call + " → " + response.getStatus());
                    } else if (response.getStatus() >= 400) {
                        assertThat(response.getContentType()).as(call)
                                .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    }
                    if (body.endsWith(":[null]}")) {
                        // refused while the body is read, before the path's record is looked up (JsonConfiguration)
                        String list = body.substring(2, body.indexOf('"', 2));
                        if (response.getStatus() != 400
                                || !response.getContentAsString().contains("\"field\":\"" + list + "[0]\"")) {
                            nullElements.add(call + " → " + response.getStatus());
                        }
                    }
                }
            }
        }
        assertThat(bodies).as("operations with a JSON body").isGreaterThanOrEqualTo(75);
        assertThat(sent).isGreaterThan(800);
        assertThat(serverErrors).isEmpty();
        assertThat(nullElements).as("a null list element answered other than 400 naming it").isEmpty();
    }

    @Test
    void typesThatShareASimpleNameHaveASchemaEach() throws Exception {
        JsonNode api = json.readTree(mvc.perform(get("/v3/api-docs").with(user(accounts.loadUserByUsername("admin"))))
                .andReturn().getResponse().getContentAsString());
        JsonNode schemas = api.path("components").path("schemas");
        // three "NewPlan" records (training, quality, service plans) were one schema: the training plan's
        assertThat(bodyProperties(api, "/api/v1/training/plans", schemas)).contains("requirements", "courseCodes");
        assertThat(bodyProperties(api, "/api/v1/quality/plans", schemas)).contains("samplePercent")
                .doesNotContain("requirements");
        assertThat(bodyProperties(api, "/api/v1/customers/{number}/plans", schemas)).contains("options")
                .doesNotContain("requirements");
    }

    private static List<String> bodyProperties(JsonNode api, String path, JsonNode schemas) {
        JsonNode schema = resolve(api.path("paths").path(path).path("post").path("requestBody").path("content")
                .path("application/json").path("schema"), schemas);
        List<String> names = new ArrayList<>();
        schema.path("properties").properties().forEach(p -> names.add(p.getKey()));
        return names;
    }

    /** Bodies that cannot be read as the schema: the whole body broken, then each property wrong in turn. */
    private List<String> malformed(JsonNode schema, JsonNode schemas) {
        List<String> bodies = new ArrayList<>(List.of("{", "[]", "\"text\"", "{\"a\": "));
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        schema.path("properties").properties().forEach(p -> properties.put(p.getKey(), resolve(p.getValue(), schemas)));
        for (var property : properties.entrySet()) {
            for (Object wrong : wrongValues(property.getValue())) {
                ObjectNode body = json.createObjectNode();
                body.set(property.getKey(), json.valueToTree(wrong));
                bodies.add(body.toString());
            }
        }
        return bodies;
    }

    /** Values Jackson cannot read as the property: none of them is coerced into a valid value. */
    private static List<Object> wrongValues(JsonNode property) {
        String type = property.path("type").asString("");
        List<Object> values = new ArrayList<>();
        switch (type) {
            case "array" -> {
                values.add("not a list");
                values.add(java.util.Collections.singletonList(null));
                values.add(List.of(Map.of("unexpected", List.of(1))));
            }
            case "object" -> values.add(List.of(1, 2));
            case "string", "integer", "number", "boolean" -> values.add(Map.of("unexpected", 1));
            default -> { }
        }
        if (property.has("enum")) {
            values.add("NO_SUCH_VALUE");
        }
        if ("integer".equals(type) || "number".equals(type)) {
            values.add("not a number");
        }
        return values;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        JsonNode resolved = schema;
        while (resolved.has("$ref")) {
            String ref = resolved.get("$ref").asString();
            resolved = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return resolved;
    }
}
