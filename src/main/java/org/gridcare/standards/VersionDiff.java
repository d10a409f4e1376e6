package org.gridcare.standards;

import java.util.ArrayList;
import java.util.List;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import org.gridcare.sla.ClockClause;

/**
 * The side-by-side diff of two versions (java-diff-utils): the body line by line, then each clause as one line,
 * so a changed time limit, reply element or rubric item (its points, severity, name) shows as a changed line.
 */
final class VersionDiff {

    private static final DiffRowGenerator GENERATOR = DiffRowGenerator.create().showInlineDiffs(false)
            .ignoreWhiteSpaces(false).build();

    private VersionDiff() {
    }

    static List<StandardViews.DiffRow> rows(String leftBody, Clauses leftClauses, String rightBody,
                                            Clauses rightClauses) {
        List<StandardViews.DiffRow> rows = new ArrayList<>();
        for (DiffRow row : GENERATOR.generateDiffRows(lines(leftBody, leftClauses), lines(rightBody, rightClauses))) {
            rows.add(new StandardViews.DiffRow(row.getTag().name(), row.getOldLine(), row.getNewLine()));
        }
        return rows;
    }

    static List<String> lines(String body, Clauses clauses) {
        List<String> lines = new ArrayList<>(body == null ? List.of() : body.lines().toList());
        if (!clauses.isEmpty()) {
            lines.add("");
            lines.add("---- clauses ----");
        }
        for (ClockClause c : clauses.clocks()) {
            lines.add("SLA %s %s%s%s%s%s: %s → %s, %d %s%s%s".formatted(c.clockName(), or(c.orderType(), "*"),
                    c.subType() == null ? "" : "/" + c.subType(), c.priority() == null ? "" : " " + c.priority(),
                    c.areaType() == null ? "" : " " + c.areaType(), c.channel() == null ? "" : " " + c.channel(),
                    String.join(",", c.startEvents()), String.join(",", c.stopEvents()),
                    c.amount() == null ? 0 : c.amount(), c.unit(),
                    c.warningPercent() == null ? "" : ", warning " + c.warningPercent() + "%",
                    c.note() == null ? "" : " — " + c.note()));
        }
        for (Clauses.ReplyClause r : clauses.replyElements()) {
            lines.add("REPLY %s %s「%s」: %s".formatted(r.orderType(), r.code(), r.label(),
                    String.join(" / ", r.keywords())));
        }
        for (Clauses.RubricClause r : clauses.rubrics()) {
            lines.add("RUBRIC %s「%s」".formatted(r.orderType(), r.title() == null ? "" : r.title()));
            for (Clauses.RubricItem i : r.items()) {
                lines.add("RUBRIC %s %s %s%s: %s %s%s".formatted(r.orderType(), i.code(), i.name(),
                        i.nameEn() == null ? "" : " (" + i.nameEn() + ")",
                        i.points() == null ? "?" : i.points().stripTrailingZeros().toPlainString(), i.severity(),
                        i.description() == null ? "" : " — " + i.description()));
            }
        }
        return lines;
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
