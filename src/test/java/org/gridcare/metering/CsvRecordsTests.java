package org.gridcare.metering;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvRecordsTests {

    static List<List<String>> all(String text) throws IOException {
        CsvRecords records = new CsvRecords(new StringReader(text));
        List<List<String>> out = new ArrayList<>();
        while (records.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                row.add(records.get(i));
            }
            out.add(row);
        }
        return out;
    }

    @Test
    void recordsCellsQuotesAndLineEnds() throws IOException {
        assertThat(all("a,b\r\n\r\n 1 , 2\n\"x,\"\"y\"\"\n\", z \r3,\n")).containsExactly(
                List.of("a", "b"), List.of("1", "2"), List.of("x,\"y\"", "z"), List.of("3", ""));
        assertThat(all("a,b")).containsExactly(List.of("a", "b"));
        assertThat(all("\"q\"  ,\"\"\n")).containsExactly(List.of("q", ""));
        assertThat(all("")).isEmpty();
        // cells longer than the 64 KiB buffer, across its refills
        String longCell = "m".repeat(70_000);
        assertThat(all("h\n" + longCell + "\n\"" + longCell + "\"\n")).containsExactly(List.of("h"), List.of(longCell),
                List.of(longCell));
    }

    @Test
    void theHeaderAndItsProblems() throws IOException {
        CsvRecords records = new CsvRecords(new StringReader("meterNumber, start ,,kwh\nM1,2024-01-01,,1\n"));
        assertThat(records.header()).containsEntry("meterNumber", 0).containsEntry("start", 1).containsEntry("kwh", 3)
                .doesNotContainKey("");
        assertThat(records.headerSize()).isEqualTo(4);
        assertThat(records.next()).isTrue();
        assertThat(records.number()).as("the header is record 1").isEqualTo(2);
        assertThatThrownBy(() -> new CsvRecords(new StringReader("a,b,a\n")).header()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> all("a\n\"open")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> all("a\n\"x\"y,1")).isInstanceOf(IOException.class);
    }
}
