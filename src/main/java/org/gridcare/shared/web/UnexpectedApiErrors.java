package org.gridcare.shared.web;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/**
 * The last resort for an {@code /api} request: whatever no other handler knew becomes a 500 problem
 * detail that carries the request id, never the exception's message. Ordered last so that the
 * modules' own handlers always come first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnexpectedApiErrors {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedApiErrors.class);

    private final MessageSource messages;

    UnexpectedApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex, WebRequest request) throws Exception {
        if (!ApiExceptionHandler.isApi(request)) {
            throw ex;
        }
        log.error("Unhandled API error", ex);
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                messages.getMessage("error.internal", new Object[] {RequestIds.current()}, locale), messages, locale);
        return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
