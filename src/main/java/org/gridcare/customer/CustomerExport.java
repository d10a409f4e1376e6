package org.gridcare.customer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.gridcare.audit.AuditTrail;
import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the customers matching a filter as CSV (UTF-8 with a byte order mark, so that Excel reads the
 * Chinese text; the same columns as the import) or as an Excel workbook, streamed row by row. Personal
 * data is masked unless a permitted role asked for it unmasked. Every export is audited, since it takes
 * personal data out of the system.
 */
@Service
class CustomerExport {

    enum Format {
        CSV("text/csv;charset=UTF-8", "csv"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        final String contentType;
        final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        static Format of(String text) {
            if (text == null || text.isBlank()) {
                return CSV;
            }
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("format", "validation.customer.export.format");
            }
        }
    }

    private final CustomerRepository repository;
    private final Customers customers;
    private final OrgUnits units;
    private final AuditTrail audit;
    private final CustomerProperties properties;

    CustomerExport(CustomerRepository repository, Customers customers, OrgUnits units, AuditTrail audit,
                   CustomerProperties properties) {
        this.repository = repository;
        this.customers = customers;
        this.units = units;
        this.audit = audit;
        this.properties = properties;
    }

    /** Checks the request before anything is written: the unmask permission (403) comes first. */
    Disclosure disclosure(boolean unmask, Actor actor) {
        if (unmask && !customers.mayUnmask(actor)) {
            throw new org.springframework.security.access.AccessDeniedException("customer.unmask");
        }
        return unmask ? Disclosure.full() : Disclosure.masked(actor, properties);
    }

    @Transactional
    public int write(CustomerFilter filter, Format format, Disclosure disclosure, Actor actor, OutputStream out) {
        DataScope scope = units.scopeOf(actor);
        int[] count = {0};
        try {
            if (format == Format.CSV) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
                        .setHeader(CustomerImport.COLUMNS.toArray(String[]::new)).get());
                stream(filter, scope, disclosure, cells -> {
                    try {
                        printer.printRecord(cells);
                        count[0]++;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                printer.flush();
            } else {
                // Apache POI's streaming workbook: 100 rows in memory, the rest in a temporary file
                try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
                    Sheet sheet = workbook.createSheet("customers");
                    CellStyle bold = workbook.createCellStyle();
                    Font font = workbook.createFont();
                    font.setBold(true);
                    bold.setFont(font);
                    Row header = sheet.createRow(0);
                    for (int c = 0; c < CustomerImport.COLUMNS.size(); c++) {
                        Cell cell = header.createCell(c);
                        cell.setCellValue(CustomerImport.COLUMNS.get(c));
                        cell.setCellStyle(bold);
                    }
                    stream(filter, scope, disclosure, cells -> {
                        Row row = sheet.createRow(++count[0]);
                        for (int c = 0; c < cells.size(); c++) {
                            row.createCell(c).setCellValue(cells.get(c));
                        }
                    });
                    workbook.write(out);
                    workbook.dispose();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(disclosure.unmasked() ? "CUSTOMER_UNMASKED" : "CUSTOMER_EXPORTED", Customers.ENTITY, "export",
                "%s export of %d customers%s".formatted(format, count[0], disclosure.unmasked() ? ", unmasked" : ""));
        return count[0];
    }

    private void stream(CustomerFilter filter, DataScope scope, Disclosure disclosure, Consumer<List<String>> rows) {
        repository.forEach(filter, scope, properties.exportMaxRows(), c -> rows.accept(List.of(
                c.number(), c.name(), c.kind().name(), c.voltageLevel().name(), disclosure.address(c.address()),
                String.join(";", disclosure.phones(c.phones())), nullToEmpty(disclosure.idNumber(c.idNumber())),
                nullToEmpty(c.tariffCode()), c.capacityKva() == null ? "" : c.capacityKva().toPlainString(),
                customers.unitOf(c.unitId()).code(),
                String.join("|", c.flags().stream().map(Enum::name).sorted().toList()))));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
