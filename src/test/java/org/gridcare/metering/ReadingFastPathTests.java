package org.gridcare.metering;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The import's hand-written parsers of times and kWh agree with java.time and BigDecimal, or step aside. */
class ReadingFastPathTests {

    static Instant general(String text) {
        String iso = text.replace(' ', 'T');
        try {
            if (iso.endsWith("Z") || iso.endsWith("z") || iso.lastIndexOf('+') > 10 || iso.lastIndexOf('-') > 10) {
                return OffsetDateTime.parse(iso).toInstant();
            }
            return LocalDateTime.parse(iso).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void fastTimesAreTheInstantsJavaTimeParses() {
        List<String> samples = List.of("2024-03-01T00:15:00+08:00", "2024-03-01T00:15+08:00", "2024-03-01 00:15:00",
                "2024-02-29T23:45:00Z", "2023-02-29T00:00:00+08:00", "2024-13-01T00:00", "2024-04-31T00:00",
                "2024-03-01T24:00", "2024-03-01T23:60", "2024-03-01T00:00:60", "1900-02-29T00:00", "2000-02-29T00:00",
                "2024-03-01T00:15:00-05:30", "2024-03-01T00:15:00+18:00", "2024-03-01T00:15:00+19:00",
                "2024-03-01T00:15:00z", "2024-03-01T00:15:00.5+08:00", "2024-3-01T00:15", "2024-03-01", "x024-03-01T00:00");
        for (String sample : samples) {
            long fast = FastTime.epochSecond(sample);
            if (fast != FastTime.NONE) {
                assertThat(Instant.ofEpochSecond(fast)).as(sample).isEqualTo(general(sample));
            }
            assertThat(ReadingRows.parseTime(sample)).as(sample).isEqualTo(
                    sample.length() == 10 ? java.time.LocalDate.parse(sample).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant()
                            : general(sample));
        }
        assertThat(FastTime.epochSecond("2024-03-01T00:15:00+08:00")).isEqualTo(1709223300L);
        assertThat(FastTime.epochSecond("2023-02-29T00:00:00+08:00")).isEqualTo(FastTime.NONE);
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            String text = "%04d-%02d-%02dT%02d:%02d:%02d%s".formatted(1970 + random.nextInt(130), 1 + random.nextInt(12),
                    1 + random.nextInt(31), random.nextInt(24), random.nextInt(60), random.nextInt(60),
                    random.nextBoolean() ? "" : random.nextBoolean() ? "Z" : "+0%d:%02d".formatted(random.nextInt(10), random.nextInt(60)));
            long fast = FastTime.epochSecond(text);
            Instant expected = general(text);
            if (fast != FastTime.NONE || !text.startsWith("19") || text.compareTo("1992") >= 0) {
                // before 1992 local times go the general way (China's summer time 1986-1991)
                assertThat(fast == FastTime.NONE ? null : Instant.ofEpochSecond(fast)).as(text).isEqualTo(expected);
            }
        }
    }

    @Test
    void fastKwhIsTheScaledDecimalOrStepsAside() {
        assertThat(ReadingRows.plainE4("1.5")).isEqualTo(15_000);
        assertThat(ReadingRows.plainE4("0.0001")).isEqualTo(1);
        assertThat(ReadingRows.plainE4("214748.3647")).isEqualTo(2_147_483_647L);
        assertThat(ReadingRows.plainE4("12")).isEqualTo(120_000);
        for (String other : List.of("", "-1", "+1", "1.", ".5", "1.00001", "1e3", "1,5", "1..2", "abc", "1234567890.1")) {
            assertThat(ReadingRows.plainE4(other)).as(other).isEqualTo(-1);
        }
        Random random = new Random(3);
        for (int i = 0; i < 10_000; i++) {
            String text = BigDecimal.valueOf(random.nextInt(1_000_000_000), random.nextInt(5)).toPlainString();
            assertThat(ReadingRows.plainE4(text)).as(text).isEqualTo(new BigDecimal(text).movePointRight(4).longValueExact());
        }
    }
}
