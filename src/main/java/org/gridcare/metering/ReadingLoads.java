package org.gridcare.metering;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.gridcare.shared.security.Actor;
import org.springframework.stereotype.Service;

/**
 * Loading readings from code (the demo company's meters): the CSV formats and checks of the upload
 * ({@code POST /api/v1/meter-readings/import}), run in the calling thread and recorded as an import.
 */
@Service
public class ReadingLoads {

    private final ReadingImports imports;

    ReadingLoads(ReadingImports imports) {
        this.imports = imports;
    }

    /** How an import ended: DONE or FAILED, rows accepted and rejected. */
    public record Loaded(long importId, String status, long accepted, long rejected) {
    }

    /** Interval consumption, {@code meterNumber,start,minutes,kwh} with its header. */
    public Loaded intervals(String csv, String fileName, Actor actor) {
        return load(csv, fileName, ReadingKind.INTERVAL, actor);
    }

    /** Register reads, {@code meterNumber,readAt,total,criticalPeak,peak,flat,valley,reactiveKvarh,maxDemandKw}. */
    public Loaded registers(String csv, String fileName, Actor actor) {
        return load(csv, fileName, ReadingKind.REGISTER, actor);
    }

    private Loaded load(String csv, String fileName, ReadingKind kind, Actor actor) {
        try {
            ImportView view = imports.importNow(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                    fileName, kind, actor);
            return new Loaded(view.id(), view.status().name(), view.rowsAccepted(), view.rowsRejected());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
