package org.gridcare.shared;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The input breaks a rule that only the domain can check; each violation names its field. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidInputException extends DomainException {

    private final transient List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super("error.validation");
        this.violations = List.copyOf(violations);
    }

    public static InvalidInputException of(String field, String messageCode, Object... arguments) {
        return new InvalidInputException(List.of(new Violation(field, messageCode, arguments)));
    }

    @Override
    public String getMessage() {
        return "invalid input: " + violations.stream()
                .map(v -> v.field() + " " + v.messageCode() + java.util.Arrays.toString(v.arguments())).toList();
    }

    public List<Violation> violations() {
        return violations;
    }

    /** One broken rule on one field. */
    public record Violation(String field, String messageCode, Object... arguments) {
    }
}
