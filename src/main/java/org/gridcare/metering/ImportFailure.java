package org.gridcare.metering;

/** The whole file was refused (nothing of it saved): {@code reason} is a code shown as {@code metering.failure.<reason>}. */
final class ImportFailure extends RuntimeException {

    private final String reason;
    private final transient RowProblem problem;

    ImportFailure(String reason, RowProblem problem) {
        super("reading import failed: " + reason);
        this.reason = reason;
        this.problem = problem;
    }

    String reason() {
        return reason;
    }

    RowProblem problem() {
        return problem;
    }
}
