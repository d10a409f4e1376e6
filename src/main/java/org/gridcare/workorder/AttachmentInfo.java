package org.gridcare.workorder;

import java.time.Instant;

/** An attachment of an order, without its bytes. */
public record AttachmentInfo(long id, String filename, String contentType, long size, String uploadedBy,
                             Instant uploadedAt) {
}
