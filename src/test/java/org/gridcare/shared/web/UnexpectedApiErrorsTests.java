package org.gridcare.shared.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class UnexpectedApiErrorsTests {

    private final UnexpectedApiErrors resolver = new UnexpectedApiErrors(messages(), JsonMapper.builder().build());
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @AfterEach
    void forgetRequestId() {
        MDC.remove(RequestIdFilter.MDC_KEY);
    }

    @Test
    void anApiErrorNobodyHandledIsA500ProblemWithTheRequestIdButNotTheMessage() throws Exception {
        MDC.put(RequestIdFilter.MDC_KEY, "req-42");

        var view = resolver.resolveException(new MockHttpServletRequest("GET", "/api/v1/anything"), response, null,
                new IllegalStateException("connection to 10.0.0.7 refused"));

        assertThat(view).isNotNull();
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .contains("\"type\":\"urn:gridcare:problem:internal\"", "\"status\":500", "请求编号 req-42")
                .doesNotContain("10.0.0.7");
    }

    @Test
    void consoleErrorsAndSecurityRefusalsAreLeftToOthers() {
        assertThat(resolver.resolveException(new MockHttpServletRequest("GET", "/customers"), response, null,
                new IllegalStateException())).isNull();
        assertThat(resolver.resolveException(new MockHttpServletRequest("GET", "/api/v1/users"), response, null,
                new AccessDeniedException("no"))).isNull();
    }

    private static StaticMessageSource messages() {
        var messages = new StaticMessageSource();
        messages.addMessage("problem.title.internal", Locale.getDefault(), "服务器内部错误");
        messages.addMessage("error.internal", Locale.getDefault(), "服务器出错了，请提供请求编号 {0}。");
        return messages;
    }
}
