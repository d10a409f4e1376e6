package org.gridcare.shared.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.gridcare.shared.DomainException;
import org.gridcare.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.BindingResult;

/**
 * Turns a domain exception into errors of the console form that caused it, so that the user sees the
 * form again with the broken rule next to the field, in their own language, instead of an error page.
 */
public final class FormErrors {

    private FormErrors() {
    }

    /**
     * Violations of fields the form has become field errors, everything else (conflicts, violations
     * of fields the form does not show) a global error of the form.
     */
    public static void reject(BindingResult result, DomainException exception) {
        if (exception instanceof InvalidInputException invalid) {
            for (InvalidInputException.Violation violation : invalid.violations()) {
                Object[] arguments = localised(violation.arguments());
                if (violation.field() != null && result.getTarget() != null
                        && isFormField(result, violation.field())) {
                    result.rejectValue(violation.field(), violation.messageCode(), arguments, violation.messageCode());
                } else {
                    result.reject(violation.messageCode(), arguments, violation.messageCode());
                }
            }
        } else {
            result.reject(exception.messageCode(), localised(exception.arguments()), exception.messageCode());
        }
    }

    /**
     * The exception as one line for a page without a form object (an action button): each violation as
     * "field label: message", the field's label from {@code fieldLabels + "." + field}.
     */
    public static String describe(DomainException exception, MessageSource messages, String fieldLabels,
                                  Locale locale) {
        if (exception instanceof InvalidInputException invalid) {
            return invalid.violations().stream()
                    .map(v -> messages.getMessage(fieldLabels + "." + v.field(), null, v.field(), locale) + ": "
                            + messages.getMessage(v.messageCode(), v.arguments(), v.messageCode(), locale))
                    .collect(Collectors.joining("; "));
        }
        return messages.getMessage(exception.messageCode(), exception.arguments(), exception.messageCode(), locale);
    }

    private static boolean isFormField(BindingResult result, String field) {
        try {
            return result.getFieldType(field) != null;
        } catch (RuntimeException notAField) {
            return false;
        }
    }

    /**
     * Enum arguments (a role, a unit kind) are shown by their message {@code enum.<Type>.<NAME>},
     * falling back to the constant's name.
     */
    private static Object[] localised(Object[] arguments) {
        return Arrays.stream(arguments).map(argument -> argument instanceof Enum<?> constant
                ? new DefaultMessageSourceResolvable(new String[] {
                        "enum." + constant.getDeclaringClass().getSimpleName() + "." + constant.name()},
                        constant.name())
                : argument).toArray();
    }
}
