package org.gridcare.workorder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.gridcare.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttachmentRulesTests {

    private final WorkOrderProperties properties = new WorkOrderProperties(Duration.ofDays(30), DataSize.ofKilobytes(1),
            List.of("image/png", "application/pdf"), Duration.ofSeconds(60), 64);

    @Test
    void aPhotoIsRecognisedByItsBytesWhateverItsName() {
        assertThat(AttachmentRules.check("scan.pdf", WorkOrderApiTests.PNG, properties)).isEqualTo("image/png");
        assertThat(AttachmentRules.check("report", "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1),
                properties)).isEqualTo("application/pdf");
    }

    @Test
    void scriptsNamedLikePhotosAreRefused() {
        assertThatThrownBy(() -> AttachmentRules.check("photo.png", "<html><script>".getBytes(), properties))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("file"));
    }

    @Test
    void emptyAndOversizedFilesAreRefused() {
        assertThatThrownBy(() -> AttachmentRules.check("a.png", new byte[0], properties))
                .isInstanceOf(InvalidInputException.class);
        byte[] big = new byte[1025];
        System.arraycopy(WorkOrderApiTests.PNG, 0, big, 0, WorkOrderApiTests.PNG.length);
        assertThatThrownBy(() -> AttachmentRules.check("a.png", big, properties))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).messageCode()).isEqualTo("validation.workOrder.fileTooLarge"));
    }

    @Test
    void fileNamesLoseTheirPathsAndControlCharacters() {
        assertThat(AttachmentRules.safeName("C:\\Users\\x\\现场照片.png")).isEqualTo("现场照片.png");
        assertThat(AttachmentRules.safeName("../../etc/\"pass\nwd\"")).isEqualTo("_pass_wd_");
        assertThat(AttachmentRules.safeName(null)).isEqualTo("attachment");
    }

    @Test
    void phonesAreMaskedInTheMiddle() {
        assertThat(WorkOrders.mask("13812345678")).isEqualTo("138****5678");
        assertThat(WorkOrders.mask("95598")).isEqualTo("***98");
    }
}
