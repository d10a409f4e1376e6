package org.gridcare.shared;

import java.util.Arrays;

/**
 * A business rule said no. The message code points into the message bundles so that the API and
 * the console can tell the user in their own language; the arguments fill its placeholders.
 */
public abstract class DomainException extends RuntimeException {

    private final String messageCode;
    private final transient Object[] arguments;

    protected DomainException(String messageCode, Object... arguments) {
        super(messageCode + Arrays.toString(arguments));
        this.messageCode = messageCode;
        this.arguments = arguments.clone();
    }

    public String messageCode() {
        return messageCode;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
