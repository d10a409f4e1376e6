package org.gridcare.shared.web;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import org.gridcare.shared.ConflictException;
import org.gridcare.shared.DomainException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every error of an {@code /api} request into an RFC 9457 problem detail. Console requests are
 * passed on (rethrown) to the error pages, but for bad input that only shows as an exception (see
 * {@link #consoleBadRequest}), which gets the 400 page.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final MessageSource messages;
    private final FrameworkProblems framework;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
        this.framework = new FrameworkProblems();
        framework.setMessageSource(messages);
    }

    static boolean isApi(WebRequest request) {
        HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        return servletRequest != null && servletRequest.getRequestURI().startsWith(
                servletRequest.getContextPath() + "/api/");
    }

    /** Spring MVC's own exceptions (the ones {@link ResponseEntityExceptionHandler} knows). */
    @ExceptionHandler({
            org.springframework.web.HttpRequestMethodNotSupportedException.class,
            org.springframework.web.HttpMediaTypeNotSupportedException.class,
            org.springframework.web.HttpMediaTypeNotAcceptableException.class,
            org.springframework.web.bind.MissingPathVariableException.class,
            org.springframework.web.bind.MissingServletRequestParameterException.class,
            org.springframework.web.multipart.support.MissingServletRequestPartException.class,
            org.springframework.web.bind.ServletRequestBindingException.class,
            MethodArgumentNotValidException.class,
            HandlerMethodValidationException.class,
            org.springframework.web.servlet.NoHandlerFoundException.class,
            org.springframework.web.servlet.resource.NoResourceFoundException.class,
            org.springframework.web.context.request.async.AsyncRequestTimeoutException.class,
            org.springframework.web.ErrorResponseException.class,
            org.springframework.web.multipart.MaxUploadSizeExceededException.class,
            org.springframework.beans.ConversionNotSupportedException.class,
            org.springframework.beans.TypeMismatchException.class,
            HttpMessageNotReadableException.class,
            org.springframework.http.converter.HttpMessageNotWritableException.class,
            org.springframework.validation.method.MethodValidationException.class})
    ResponseEntity<Object> frameworkException(Exception ex, WebRequest request) throws Exception {
        if (!isApi(request)) {
            throw ex;
        }
        return framework.handleException(ex, request);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException ex, WebRequest request) {
        passOnUnlessApi(ex, request);
        Locale locale = LocaleContextHolder.getLocale();
        List<Problems.FieldMessage> errors = ex.violations().stream()
                .map(v -> new Problems.FieldMessage(v.field(),
                        messages.getMessage(v.messageCode(), v.arguments(), v.messageCode(), locale)))
                .toList();
        return problem(Problems.validation(errors, messages, locale));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException ex, WebRequest request) {
        passOnUnlessApi(ex, request);
        return domainProblem(HttpStatus.NOT_FOUND, "not-found", ex);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException ex, WebRequest request) {
        passOnUnlessApi(ex, request);
        return domainProblem(HttpStatus.CONFLICT, "conflict", ex);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> staleVersion(OptimisticLockingFailureException ex, WebRequest request) {
        passOnUnlessApi(ex, request);
        Locale locale = LocaleContextHolder.getLocale();
        return problem(Problems.of(HttpStatus.CONFLICT, "conflict",
                messages.getMessage("error.staleVersion.generic", null, locale), messages, locale));
    }

    /** PostgreSQL refused a value as data (SQLSTATE class 22), such as a NUL character inside a text: bad input. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> unstorableValue(DataIntegrityViolationException ex, WebRequest request,
                                                  HttpServletResponse response) throws IOException {
        if (!(NestedExceptionUtils.getMostSpecificCause(ex) instanceof SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith("22"))) {
            throw ex;
        }
        if (!isApi(request)) {
            return consoleBadRequest(response);
        }
        Locale locale = LocaleContextHolder.getLocale();
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request",
                messages.getMessage("error.unstorableValue", null, locale), messages, locale));
    }

    /**
     * A body that claims to be multipart but is not, or a request without one where a part is expected (an upload
     * sent as JSON, a broken boundary): bad input. Too large an upload keeps its 413 (the framework's handler above).
     */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<ProblemDetail> malformedMultipart(org.springframework.web.multipart.MultipartException ex,
                                                     WebRequest request, HttpServletResponse response)
            throws IOException {
        if (!isApi(request)) {
            return consoleBadRequest(response);
        }
        Locale locale = LocaleContextHolder.getLocale();
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request",
                messages.getMessage("error.multipart", null, locale), messages, locale));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex, WebRequest request) {
        passOnUnlessApi(ex, request);
        List<Problems.FieldMessage> errors = ex.getConstraintViolations().stream()
                .map(v -> new Problems.FieldMessage(leaf(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return problem(Problems.validation(errors, messages, LocaleContextHolder.getLocale()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex, WebRequest request) {
        passOnUnlessApi(ex, request);
        Locale locale = LocaleContextHolder.getLocale();
        return problem(Problems.validation(List.of(new Problems.FieldMessage(ex.getName(),
                messages.getMessage("validation.typeMismatch", new Object[] {String.valueOf(ex.getValue())}, locale))),
                messages, locale));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void securityExceptions(Exception ex) throws Exception {
        // left to Spring Security's entry point and access-denied handler
        throw ex;
    }

    private ResponseEntity<ProblemDetail> domainProblem(HttpStatus status, String kind, DomainException ex) {
        Locale locale = LocaleContextHolder.getLocale();
        String detail = messages.getMessage(ex.messageCode(), ex.arguments(), ex.messageCode(), locale);
        return problem(Problems.of(status, kind, detail, messages, locale));
    }

    private List<Problems.FieldMessage> fieldMessages(BindingResult result) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Problems.FieldMessage> errors = new ArrayList<>();
        result.getFieldErrors().forEach(e -> errors.add(new Problems.FieldMessage(e.getField(),
                messages.getMessage(e, locale))));
        result.getGlobalErrors().forEach(e -> errors.add(new Problems.FieldMessage(e.getObjectName(),
                messages.getMessage(e, locale))));
        return errors;
    }

    /** Spring's mapping of its own exceptions, with GridCare's field errors and problem types. */
    private final class FrameworkProblems extends ResponseEntityExceptionHandler {

        @Override
        protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                HttpHeaders headers, HttpStatusCode status, WebRequest request) {
            return asObject(problem(Problems.validation(fieldMessages(ex.getBindingResult()), messages,
                    LocaleContextHolder.getLocale())));
        }

        @Override
        protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                HttpHeaders headers, HttpStatusCode status, WebRequest request) {
            List<Problems.FieldMessage> errors = new ArrayList<>();
            ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                    errors.add(new Problems.FieldMessage(result.getMethodParameter().getParameterName(),
                            messages.getMessage(error, LocaleContextHolder.getLocale())))));
            return asObject(problem(Problems.validation(errors, messages, LocaleContextHolder.getLocale())));
        }

        @Override
        protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                HttpHeaders headers, HttpStatusCode status, WebRequest request) {
            Locale locale = LocaleContextHolder.getLocale();
            Throwable cause = ex.getCause();
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return asObject(problem(Problems.validation(List.of(new Problems.FieldMessage(unknown.getPropertyName(),
                        messages.getMessage("validation.unknownField", null, locale))), messages, locale)));
            }
            if (cause instanceof InvalidFormatException invalid) {
                return asObject(problem(Problems.validation(List.of(new Problems.FieldMessage(path(invalid),
                        messages.getMessage("validation.typeMismatch", new Object[] {String.valueOf(invalid.getValue())},
                                locale))), messages, locale)));
            }
            // a wrong type, or a number too large for its field
            if ((cause instanceof MismatchedInputException || cause instanceof InputCoercionException)
                    && !((JacksonException) cause).getPath().isEmpty()) {
                return asObject(problem(Problems.validation(List.of(new Problems.FieldMessage(path((JacksonException) cause),
                        messages.getMessage("validation.malformed", null, locale))), messages, locale)));
            }
            return asObject(problem(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request",
                    messages.getMessage("error.malformedBody", null, locale), messages, locale)));
        }

        @Override
        protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                HttpStatusCode statusCode, WebRequest request) {
            if (statusCode.is5xxServerError()) {
                log.error("Unhandled API error", ex);
            }
            ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
            if (response != null && response.getBody() instanceof ProblemDetail problem
                    && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
                // Spring's own titles and details are English and name its internals ("No static resource …")
                String kind = "http-" + statusCode.value();
                Locale locale = LocaleContextHolder.getLocale();
                problem.setType(java.net.URI.create("urn:gridcare:problem:" + kind));
                problem.setTitle(messages.getMessage("problem.title." + kind, null, problem.getTitle(), locale));
                problem.setDetail(messages.getMessage("error." + kind, null, problem.getDetail(), locale));
            }
            return response;
        }
    }

    /**
     * Bad input that reached a console page as an exception, not as a form message (a crafted request: a NUL character
     * in a field, an upload form posted without its file part): the console's error page for 400, not a 500.
     */
    private static ResponseEntity<ProblemDetail> consoleBadRequest(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.BAD_REQUEST.value());
        return null;
    }

    private static void passOnUnlessApi(RuntimeException ex, WebRequest request) {
        if (!isApi(request)) {
            throw ex;
        }
    }

    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        ex.getPath().forEach(ref -> {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        });
        return path.toString();
    }

    private static String leaf(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }
}
