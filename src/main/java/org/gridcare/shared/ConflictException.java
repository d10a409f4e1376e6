package org.gridcare.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The change collides with the record's current state: stale version, illegal transition, duplicate. */
@ResponseStatus(HttpStatus.CONFLICT)
public class ConflictException extends DomainException {

    public ConflictException(String messageCode, Object... arguments) {
        super(messageCode, arguments);
    }

    public static ConflictException staleVersion(String entity, Object key) {
        return new ConflictException("error.staleVersion", entity, key);
    }
}
