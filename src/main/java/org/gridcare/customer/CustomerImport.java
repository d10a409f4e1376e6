package org.gridcare.customer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gridcare.audit.AuditTrail;
import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.InvalidInputException.Violation;
import org.gridcare.shared.security.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CSV import of customers (UTF-8, a header row naming the columns, any order). All or nothing per
 * file: every row is checked first, and if any row is wrong nothing is saved and the whole list of
 * problems comes back as a per-row report. A valid file inserts new customer numbers and overwrites
 * the archive of numbers that already exist in the caller's scope (an import is the source of truth
 * for the rows it carries; the version check of the API does not apply).
 */
@Service
class CustomerImport {

    static final List<String> COLUMNS = List.of("number", "name", "kind", "voltageLevel", "address", "phone",
            "idNumber", "tariffCode", "capacityKva", "unitCode", "flags");
    static final Set<String> REQUIRED = Set.of("number", "name", "kind", "voltageLevel", "address", "phone", "unitCode");
    /** Several phones or flags in one cell are separated by ';' or '|'. */
    static final String LIST_SEPARATORS = "[;|]";
    /** Reports longer than this are cut; the count still tells how many problems there were. */
    static final int MAX_REPORTED = 1000;

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();

    private final CustomerRepository customers;
    private final OrgUnits units;
    private final AuditTrail audit;
    private final CustomerProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerImport(CustomerRepository customers, OrgUnits units, AuditTrail audit, CustomerProperties properties,
                   ApplicationEventPublisher events, Clock clock) {
        this.customers = customers;
        this.units = units;
        this.audit = audit;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** One problem of one row ({@code row} 1 is the header); {@code field} is null for the whole row. */
    record RowProblem(int row, String field, String messageCode, Object... arguments) {
    }

    record Outcome(int rows, int inserted, int updated) {
    }

    /** The file was refused; nothing was saved. */
    static final class Rejected extends RuntimeException {
        private final transient List<RowProblem> problems;
        private final int count;

        Rejected(List<RowProblem> problems) {
            super("customer import rejected with " + problems.size() + " problem(s)");
            this.count = problems.size();
            this.problems = List.copyOf(problems.subList(0, Math.min(problems.size(), MAX_REPORTED)));
        }

        List<RowProblem> problems() {
            return problems;
        }

        int count() {
            return count;
        }
    }

    @Transactional
    public Outcome importCsv(InputStream input, String fileName, Actor actor) {
        DataScope scope = units.scopeOf(actor);
        List<RowProblem> problems = new ArrayList<>();
        List<CustomerContent> rows = new ArrayList<>();
        List<Integer> rowNumbers = new ArrayList<>();
        parse(input, problems, rows, rowNumbers);

        Map<String, Long> unitIds = resolveUnits(rows, rowNumbers, scope, problems);
        Map<String, Integer> firstRow = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String number = rows.get(i).number();
            if (number == null || number.isEmpty()) {
                continue;
            }
            Integer first = firstRow.putIfAbsent(number, rowNumbers.get(i));
            if (first != null) {
                problems.add(new RowProblem(rowNumbers.get(i), "number", "validation.customer.import.duplicateInFile",
                        number, first));
            }
        }
        Map<String, Customer> existing = new HashMap<>();
        List<String> numbers = new ArrayList<>(firstRow.keySet());
        for (int from = 0; from < numbers.size(); from += 5000) {
            existing.putAll(customers.existing(numbers.subList(from, Math.min(numbers.size(), from + 5000))));
        }
        existing.forEach((number, customer) -> {
            if (!scope.includes(customer.unitId())) {
                problems.add(new RowProblem(firstRow.get(number), "number",
                        "validation.customer.import.numberOutOfScope", number));
            }
        });
        if (problems.isEmpty() && rows.isEmpty()) {
            problems.add(new RowProblem(1, null, "validation.customer.import.empty"));
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(RowProblem::row));
            throw new Rejected(problems);
        }

        customers.upsertAll(rows, unitIds, Instant.now(clock));
        int updated = existing.size();
        audit.record("CUSTOMER_IMPORTED", Customers.ENTITY, truncate(fileName),
                "%d rows: %d inserted, %d updated".formatted(rows.size(), rows.size() - updated, updated));
        // the same events as the API's: other modules keep their copies current from them
        for (CustomerContent row : rows) {
            long unitId = unitIds.get(row.unitCode());
            Customer before = existing.get(row.number());
            if (before == null) {
                events.publishEvent(new CustomerRegistered(row.number(), unitId));
                continue;
            }
            Set<String> fields = Customers.changedFields(before, before.withContent(row, unitId));
            if (!fields.isEmpty()) {
                events.publishEvent(new CustomerChanged(row.number(), unitId, fields));
            }
        }
        return new Outcome(rows.size(), rows.size() - updated, updated);
    }

    private void parse(InputStream input, List<RowProblem> problems, List<CustomerContent> rows,
                       List<Integer> rowNumbers) {
        Reader reader = new InputStreamReader(skipBom(input), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        int row = 0;
        try (CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            Map<String, Integer> header = null;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                row++;
                if (header == null) {
                    header = header(record, problems);
                    if (!problems.isEmpty()) {
                        return;
                    }
                    continue;
                }
                if (rows.size() + problemRows(problems) >= properties.importMaxRows()) {
                    problems.add(new RowProblem(row, null, "validation.customer.import.tooManyRows",
                            properties.importMaxRows()));
                    return;
                }
                if (record.size() != header.size()) {
                    problems.add(new RowProblem(row, null, "validation.customer.import.columns", record.size(),
                            header.size()));
                    continue;
                }
                CustomerContent content = content(record, header, row, problems);
                if (content != null) {
                    rows.add(content);
                    rowNumbers.add(row);
                }
            }
        } catch (UncheckedIOException | IOException | IllegalStateException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            String code = cause instanceof CharacterCodingException ? "validation.customer.import.encoding"
                    : "validation.customer.import.malformed";
            problems.add(new RowProblem(row + 1, null, code, row + 1));
        }
    }

    private static int problemRows(List<RowProblem> problems) {
        return (int) problems.stream().mapToInt(RowProblem::row).distinct().count();
    }

    private static Map<String, Integer> header(CSVRecord record, List<RowProblem> problems) {
        Map<String, Integer> header = new LinkedHashMap<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).strip();
            String column = COLUMNS.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst().orElse(null);
            if (column == null) {
                problems.add(new RowProblem(1, name, "validation.customer.import.unknownColumn", name));
            } else if (header.putIfAbsent(column, i) != null) {
                problems.add(new RowProblem(1, column, "validation.customer.import.duplicateColumn", column));
            }
        }
        for (String required : COLUMNS) {
            if (REQUIRED.contains(required) && !header.containsKey(required)) {
                problems.add(new RowProblem(1, required, "validation.customer.import.header", required));
            }
        }
        return header;
    }

    /** The row as archive content, or null when a cell could not even be read (reported). */
    private static CustomerContent content(CSVRecord record, Map<String, Integer> header, int row,
                                           List<RowProblem> problems) {
        Set<String> reported = new HashSet<>();
        CustomerKind kind = parseEnum(CustomerKind.class, cell(record, header, "kind"), row, "kind",
                "validation.customer.kind.unknown", problems, reported);
        VoltageLevel voltage = parseEnum(VoltageLevel.class, cell(record, header, "voltageLevel"), row,
                "voltageLevel", "validation.customer.voltageLevel.unknown", problems, reported);
        BigDecimal capacity = null;
        String capacityText = cell(record, header, "capacityKva");
        if (capacityText != null) {
            try {
                capacity = new BigDecimal(capacityText);
            } catch (NumberFormatException e) {
                problems.add(new RowProblem(row, "capacityKva", "validation.customer.capacityKva.number", capacityText));
                reported.add("capacityKva");
            }
        }
        Set<CustomerFlag> flags = java.util.EnumSet.noneOf(CustomerFlag.class);
        String flagText = cell(record, header, "flags");
        if (flagText != null) {
            for (String flag : flagText.split(LIST_SEPARATORS)) {
                CustomerFlag parsed = parseEnum(CustomerFlag.class, flag.strip(), row, "flags",
                        "validation.customer.flag.unknown", problems, reported);
                if (parsed != null) {
                    flags.add(parsed);
                }
            }
        }
        String phoneText = cell(record, header, "phone");
        List<String> phones = phoneText == null ? List.of() : Arrays.asList(phoneText.split(LIST_SEPARATORS));
        CustomerContent content = new CustomerContent(cell(record, header, "number"), cell(record, header, "name"),
                kind, voltage, cell(record, header, "address"), phones, cell(record, header, "idNumber"),
                cell(record, header, "tariffCode"), capacity, cell(record, header, "unitCode"), flags);
        for (Violation violation : content.violations()) {
            if (reported.add(violation.field())) {
                problems.add(new RowProblem(row, violation.field(), violation.messageCode(), violation.arguments()));
            }
        }
        return content;
    }

    private static String cell(CSVRecord record, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        if (index == null) {
            return null;
        }
        String value = record.get(index).strip();
        return value.isEmpty() ? null : value;
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text, int row, String field, String code,
                                                   List<RowProblem> problems, Set<String> reported) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            if (reported.add(field)) {
                problems.add(new RowProblem(row, field, code, text));
            }
            return null;
        }
    }

    private Map<String, Long> resolveUnits(List<CustomerContent> rows, List<Integer> rowNumbers, DataScope scope,
                                           List<RowProblem> problems) {
        Map<String, Long> ids = new HashMap<>();
        Set<String> unknown = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String code = rows.get(i).unitCode();
            if (code == null || code.isEmpty() || ids.containsKey(code)) {
                continue;
            }
            if (!unknown.contains(code)) {
                OrgUnit unit = units.findByCode(code).filter(u -> scope.includes(u.id().value()) && u.enabled())
                        .orElse(null);
                if (unit != null) {
                    ids.put(code, unit.id().value());
                    continue;
                }
                unknown.add(code);
            }
            problems.add(new RowProblem(rowNumbers.get(i), "unitCode", "validation.orgUnit.unknown", code));
        }
        return ids;
    }

    private static InputStream skipBom(InputStream input) {
        java.io.PushbackInputStream in = new java.io.PushbackInputStream(input, 3);
        try {
            byte[] bom = new byte[3];
            int read = in.readNBytes(bom, 0, 3);
            if (!(read == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
                in.unread(bom, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return in;
    }

    private static String truncate(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "customers.csv" : fileName;
        return name.length() > 100 ? name.substring(0, 100) : name;
    }
}
