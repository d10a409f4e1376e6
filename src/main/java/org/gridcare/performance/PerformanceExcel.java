package org.gridcare.performance;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.gridcare.audit.AuditTrail;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ranking as an Excel workbook (Apache POI streaming SXSSF): one row per card with its total, grade and every
 * component's points, numbers as numeric cells; the export is audited.
 */
@Component
class PerformanceExcel {

    private final PerformanceRepository repo;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    PerformanceExcel(PerformanceRepository repo, MessageSource messages, AuditTrail audit,
                     TransactionTemplate transactions) {
        this.repo = repo;
        this.messages = messages;
        this.audit = audit;
        this.transactions = transactions;
    }

    void write(List<Scorecard> cards, String month, HttpServletResponse response) throws IOException {
        var locale = LocaleContextHolder.getLocale();
        List<String> header = new ArrayList<>(List.of("rank", "staff", "displayName", "unit", "position", "team",
                "baseScore", "adjustment", "total", "grade", "praise").stream()
                .map(k -> messages.getMessage("performance.field." + k, null, k, locale)).toList());
        for (ScoreComponent c : ScoreComponent.values()) {
            header.add(messages.getMessage("performance.component." + c, null, c.name(), locale));
        }
        Map<Long, List<PerformanceRepository.ComponentValue>> components = transactions.execute(s ->
                repo.components(cards.stream().map(Scorecard::id).toList()));
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"performance-" + month + ".xlsx\"");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet(month);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                head.createCell(i).setCellValue(header.get(i));
                head.getCell(i).setCellStyle(bold);
            }
            int r = 1;
            for (Scorecard c : cards) {
                Row row = sheet.createRow(r++);
                List<Object> values = new ArrayList<>(List.of(c.rank() == null ? "" : c.rank(), c.staff(),
                        c.displayName(), c.unitCode(), c.position(), c.teamCode() == null ? "" : c.teamCode(),
                        nullable(c.baseScore()), c.adjustment(), nullable(c.total()),
                        c.grade() == null ? "" : c.grade(), c.praiseCount()));
                List<PerformanceRepository.ComponentValue> list = components.getOrDefault(c.id(), List.of());
                for (ScoreComponent comp : ScoreComponent.values()) {
                    values.add(list.stream().filter(v -> v.component() == comp).findFirst()
                            .map(v -> nullable(v.points())).orElse(""));
                }
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v instanceof BigDecimal d) {
                        row.createCell(i).setCellValue(d.doubleValue());
                    } else if (v instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(i).setCellValue(v.toString());
                    }
                }
            }
            transactions.executeWithoutResult(s -> audit.record("PERFORMANCE_EXPORTED", "PerformanceMonth", month,
                    cards.size() + " cards exported"));
            workbook.write(response.getOutputStream());
            workbook.dispose();
        }
    }

    private static Object nullable(BigDecimal value) {
        return value == null ? "" : value;
    }

}
