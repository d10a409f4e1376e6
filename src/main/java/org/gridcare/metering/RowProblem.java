package org.gridcare.metering;

import java.util.List;

/**
 * Why one row of a reading file was rejected: its line (the header is line 1; a line is a CSV record),
 * the field at fault (null for the whole row), a code from {@link Codes} and the message's arguments.
 */
record RowProblem(long line, String field, String code, List<String> arguments) {

    RowProblem {
        arguments = List.copyOf(arguments);
    }

    static RowProblem of(long line, String field, String code, String... arguments) {
        return new RowProblem(line, field, code, List.of(arguments));
    }

    /** The rejection reasons; each has the message {@code metering.problem.<CODE>}. */
    static final class Codes {
        static final String MISSING_VALUE = "MISSING_VALUE";
        static final String WRONG_COLUMN_COUNT = "WRONG_COLUMN_COUNT";
        static final String MALFORMED_METER_NUMBER = "MALFORMED_METER_NUMBER";
        static final String MALFORMED_TIME = "MALFORMED_TIME";
        static final String MALFORMED_NUMBER = "MALFORMED_NUMBER";
        static final String TIME_OUT_OF_RANGE = "TIME_OUT_OF_RANGE";
        static final String NUMBER_OUT_OF_RANGE = "NUMBER_OUT_OF_RANGE";
        static final String INVALID_MINUTES = "INVALID_MINUTES";
        static final String MISALIGNED_START = "MISALIGNED_START";
        static final String NEGATIVE_VALUE = "NEGATIVE_VALUE";
        static final String UNKNOWN_METER = "UNKNOWN_METER";
        static final String METER_NOT_IN_SERVICE = "METER_NOT_IN_SERVICE";
        static final String REGISTER_BACKWARDS = "REGISTER_BACKWARDS";
        static final String DUPLICATE_CONFLICT = "DUPLICATE_CONFLICT";
        static final String BAD_HEADER = "BAD_HEADER";

        private Codes() {
        }
    }
}
