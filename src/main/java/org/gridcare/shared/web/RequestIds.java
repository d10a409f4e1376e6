package org.gridcare.shared.web;

import org.slf4j.MDC;

/** The id of the request being served, for audit records and error pages. */
public final class RequestIds {

    private RequestIds() {
    }

    public static String current() {
        return MDC.get(RequestIdFilter.MDC_KEY);
    }
}
