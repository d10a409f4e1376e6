package org.gridcare.metering;

import java.util.List;

/** What a reading file holds: interval consumption or register reads, each with its fixed CSV columns. */
enum ReadingKind {
    INTERVAL(List.of("meterNumber", "start", "minutes", "kwh")),
    REGISTER(List.of("meterNumber", "readAt", "total", "criticalPeak", "peak", "flat", "valley", "reactiveKvarh",
            "maxDemandKw"));

    private final List<String> columns;

    ReadingKind(List<String> columns) {
        this.columns = columns;
    }

    List<String> columns() {
        return columns;
    }

    static ReadingKind parse(String value) {
        if (value == null) {
            return null;
        }
        for (ReadingKind kind : values()) {
            if (kind.name().equalsIgnoreCase(value.strip())) {
                return kind;
            }
        }
        return null;
    }
}
