package org.gridcare.complaint;

import java.time.LocalDate;
import java.util.List;

/**
 * Complaint hotspots of a period: per child unit of {@code unitCode} (rows, with their customers) and top-level
 * complaint category (columns) the complaints received, substantiated (有责) and still counted after appeals;
 * and the monthly trend of the same three counts.
 */
public record Hotspots(LocalDate from, LocalDate to, String unitCode, String unitName, List<Column> categories,
                       List<Row> rows, List<Month> trend) {

    public record Column(String code, String name, String nameEn) {
    }

    public record Row(String unitCode, String unitName, long customers, List<Cell> cells) {
    }

    public record Cell(String category, long received, long substantiated, long afterAppeal) {
    }

    public record Month(String month, long received, long substantiated, long afterAppeal) {
    }
}
