package org.gridcare.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last resort for an {@code /api} request: whatever no exception handler of any module knew becomes
 * a 500 problem detail that carries the request id, never the exception's message. A resolver ordered
 * after Spring MVC's own, so that every {@code @ExceptionHandler} has had its turn.
 */
@Component
class UnexpectedApiErrors implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedApiErrors.class);

    private final MessageSource messages;
    private final JsonMapper json;

    UnexpectedApiErrors(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception ex) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
            return null;
        }
        log.error("Unhandled API error", ex);
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:gridcare:problem:internal");
        problem.put("title", messages.getMessage("problem.title.internal", null, locale));
        problem.put("status", HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        problem.put("detail", messages.getMessage("error.internal", new Object[] {RequestIds.current()}, locale));
        problem.put("instance", request.getRequestURI());
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        try {
            json.writeValue(response.getOutputStream(), problem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
