package org.gridcare.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds GridCare's RFC 9457 problem details: a {@code type} per kind of problem, a localised
 * {@code title} and {@code detail}, and for validation an {@code errors} array of {@code {field, message}}.
 */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:gridcare:problem:";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String kind, String detail, MessageSource messages,
                                   Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + kind));
        problem.setTitle(messages.getMessage("problem.title." + kind, null,
                HttpStatus.valueOf(status.value()).getReasonPhrase(), locale));
        return problem;
    }

    public static ProblemDetail validation(List<FieldMessage> errors, MessageSource messages, Locale locale) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation",
                messages.getMessage("error.validation", null, locale), messages, locale);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** One field and what is wrong with it. */
    public record FieldMessage(String field, String message) {
    }
}
