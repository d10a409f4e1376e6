package org.gridcare.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The record does not exist, or lies outside the caller's data scope: both look the same from outside. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends DomainException {

    public NotFoundException(String entity, Object key) {
        super("error.notFound", entity, key);
    }
}
