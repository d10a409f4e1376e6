package org.gridcare.workorder;

import org.apache.tika.Tika;
import org.gridcare.shared.InvalidInputException;

/** What an attachment may be: not empty, not larger than the limit, and a photo or PDF by its bytes, not its name. */
final class AttachmentRules {

    private static final Tika TIKA = new Tika();

    private AttachmentRules() {
    }

    /** Returns the content type detected from the magic bytes; a 400 naming {@code file} otherwise. */
    static String check(String filename, byte[] content, WorkOrderProperties properties) {
        if (content == null || content.length == 0) {
            throw InvalidInputException.of("file", "validation.workOrder.fileEmpty");
        }
        long max = properties.attachmentMaxSize().toBytes();
        if (content.length > max) {
            throw InvalidInputException.of("file", "validation.workOrder.fileTooLarge",
                    properties.attachmentMaxSize().toMegabytes());
        }
        String detected = TIKA.detect(content);
        if (!properties.attachmentTypes().contains(detected)) {
            throw InvalidInputException.of("file", "validation.workOrder.fileType", detected,
                    String.join(", ", properties.attachmentTypes()));
        }
        return detected;
    }

    static String safeName(String filename) {
        String name = filename == null || filename.isBlank() ? "attachment" : filename;
        name = name.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "_");
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
