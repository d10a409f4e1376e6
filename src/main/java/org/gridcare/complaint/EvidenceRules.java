package org.gridcare.complaint;

import org.apache.tika.Tika;
import org.gridcare.shared.InvalidInputException;

/**
 * What an evidence file may be (the work order module's attachment rules): not empty, not larger than the
 * limit, and a photo or PDF by its bytes, not its name.
 */
final class EvidenceRules {

    private static final Tika TIKA = new Tika();

    private EvidenceRules() {
    }

    /** Returns the content type detected from the magic bytes; a 400 naming {@code file} otherwise. */
    static String check(byte[] content, ComplaintProperties properties) {
        if (content == null || content.length == 0) {
            throw InvalidInputException.of("file", "validation.complaint.fileEmpty");
        }
        if (content.length > properties.attachmentMaxSize().toBytes()) {
            throw InvalidInputException.of("file", "validation.complaint.fileTooLarge",
                    properties.attachmentMaxSize().toMegabytes());
        }
        String detected = TIKA.detect(content);
        if (!properties.attachmentTypes().contains(detected)) {
            throw InvalidInputException.of("file", "validation.complaint.fileType", detected,
                    String.join(", ", properties.attachmentTypes()));
        }
        return detected;
    }

    static String safeName(String filename) {
        String name = filename == null || filename.isBlank() ? "evidence" : filename;
        name = name.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "_");
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
