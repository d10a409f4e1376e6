package org.gridcare.standards;

import java.time.Instant;
import java.util.List;

/**
 * A standard version came into force (at its effective moment) and the staff it binds were asked to read and
 * acknowledge it. The hook for the training module: enrol {@code boundUserIds} in training on it.
 */
public record StandardPublished(long standardId, String code, long versionId, int versionNumber,
                                Instant effectiveFrom, List<Long> boundUserIds) {

    public StandardPublished {
        boundUserIds = List.copyOf(boundUserIds);
    }
}
