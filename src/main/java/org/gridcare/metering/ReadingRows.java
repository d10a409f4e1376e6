package org.gridcare.metering;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.gridcare.metering.RowProblem.Codes;
import org.gridcare.shared.BusinessTime;

/**
 * The row rules of the reading files that need nothing but the row itself: every cell well formed,
 * times within range, interval lengths of 15/30/60 minutes starting on their boundary, no negative
 * values. A good row becomes one line of PostgreSQL COPY text for the staging table; a bad one a
 * {@link RowProblem}. Rules that need the stored data (meters, duplicates, registers going backwards)
 * are checked set-based in the database afterwards.
 */
final class ReadingRows {

    /** Largest interval value: the scaled integer (0.0001 kWh) must fit a PostgreSQL integer. */
    static final BigDecimal MAX_INTERVAL_KWH = new BigDecimal("214748.3647");
    /** Largest register value: numeric(14, 4). */
    static final BigDecimal MAX_REGISTER = new BigDecimal("9999999999.9999");
    static final int SCALE = 4;
    static final int METER_NUMBER_MAX = 32;

    private static final ZoneId ZONE = BusinessTime.ZONE;
    private static final List<String> REGISTERS = ReadingKind.REGISTER.columns().subList(2, 9);

    private final ReadingKind kind;
    private final int[] index;
    private final int columns;
    private final Instant earliest;
    private final Instant latest;

    /**
     * @param header  the file's column positions by name; every column of the kind must be there
     * @param columns how many cells the header has (every record must have as many)
     */
    ReadingRows(ReadingKind kind, Map<String, Integer> header, int columns, Instant earliest, Instant latest) {
        this.kind = kind;
        this.index = kind.columns().stream().mapToInt(column -> header.getOrDefault(column, -1)).toArray();
        this.columns = columns;
        this.earliest = earliest;
        this.latest = latest;
    }

    /** The kind's columns missing from a header (empty when the header is usable). */
    static List<String> missingColumns(ReadingKind kind, Map<String, Integer> header) {
        return kind.columns().stream().filter(column -> !header.containsKey(column)).toList();
    }

    /**
     * Takes a good row: a register read is appended as a COPY text line ({@code line} first) to {@code out}, an
     * interval reading is added to {@code intervals} (which writes its meter-day fragments to {@code out});
     * a bad row is not taken and the problem is returned.
     */
    RowProblem append(CsvRecords row, long line, StringBuilder out, IntervalFragments intervals) {
        if (row.size() != columns) {
            return RowProblem.of(line, null, Codes.WRONG_COLUMN_COUNT, String.valueOf(row.size()),
                    String.valueOf(kind.columns().size()));
        }
        String meter = cell(row, 0);
        if (meter.isEmpty()) {
            return RowProblem.of(line, "meterNumber", Codes.MISSING_VALUE);
        }
        if (meter.length() > METER_NUMBER_MAX || hasControlOrBackslash(meter)) {
            return RowProblem.of(line, "meterNumber", Codes.MALFORMED_METER_NUMBER, shorten(meter));
        }
        String timeField = kind.columns().get(1);
        String timeText = cell(row, 1);
        if (timeText.isEmpty()) {
            return RowProblem.of(line, timeField, Codes.MISSING_VALUE);
        }
        Instant time = parseTime(timeText);
        if (time == null) {
            return RowProblem.of(line, timeField, Codes.MALFORMED_TIME, shorten(timeText));
        }
        if (time.isBefore(earliest) || time.isAfter(latest)) {
            return RowProblem.of(line, timeField, Codes.TIME_OUT_OF_RANGE, timeText);
        }
        if (kind == ReadingKind.INTERVAL) {
            return interval(row, line, meter, time, intervals);
        }
        int mark = out.length();
        out.append(line).append('\t').append(meter).append('\t').append(time).append('\t');
        RowProblem problem = register(row, line, out);
        if (problem != null) {
            out.setLength(mark);
        } else {
            out.append('\n');
        }
        return problem;
    }

    private RowProblem interval(CsvRecords row, long line, String meter, Instant start, IntervalFragments intervals) {
        String minutesText = cell(row, 2);
        if (minutesText.isEmpty()) {
            return RowProblem.of(line, "minutes", Codes.MISSING_VALUE);
        }
        int minutes;
        try {
            minutes = Integer.parseInt(minutesText);
        } catch (NumberFormatException e) {
            return RowProblem.of(line, "minutes", Codes.MALFORMED_NUMBER, shorten(minutesText));
        }
        if (minutes != 15 && minutes != 30 && minutes != 60) {
            return RowProblem.of(line, "minutes", Codes.INVALID_MINUTES, minutesText);
        }
        long localSeconds = start.getEpochSecond() + ZONE.getRules().getOffset(start).getTotalSeconds();
        if (Math.floorMod(localSeconds, minutes * 60L) != 0) {
            return RowProblem.of(line, "start", Codes.MISALIGNED_START, cell(row, 1), minutesText);
        }
        String kwhText = cell(row, 3);
        if (kwhText.isEmpty()) {
            return RowProblem.of(line, "kwh", Codes.MISSING_VALUE);
        }
        long kwhE4 = plainE4(kwhText);
        if (kwhE4 < 0 || kwhE4 > Integer.MAX_VALUE) {
            Object kwh = number(kwhText, line, "kwh", MAX_INTERVAL_KWH);
            if (kwh instanceof RowProblem problem) {
                return problem;
            }
            kwhE4 = ((BigDecimal) kwh).movePointRight(SCALE).intValueExact();
        }
        intervals.add(meter, Math.floorDiv(localSeconds, 86_400L), (int) (Math.floorMod(localSeconds, 86_400L) / 900),
                minutes, (int) kwhE4, line);
        return null;
    }

    private RowProblem register(CsvRecords row, long line, StringBuilder out) {
        for (int i = 0; i < REGISTERS.size(); i++) {
            String field = REGISTERS.get(i);
            String text = cell(row, i + 2);
            if (i > 0) {
                out.append('\t');
            }
            if (text.isEmpty()) {
                if (i == 0) {
                    return RowProblem.of(line, field, Codes.MISSING_VALUE);
                }
                out.append("\\N");
                continue;
            }
            Object value = number(text, line, field, MAX_REGISTER);
            if (value instanceof RowProblem problem) {
                return problem;
            }
            out.append(((BigDecimal) value).toPlainString());
        }
        return null;
    }

    /** The number, or the problem with it: malformed, more than four decimals, negative or too large. */
    private static Object number(String text, long line, String field, BigDecimal max) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return RowProblem.of(line, field, Codes.MALFORMED_NUMBER, shorten(text));
        }
        if (value.signum() < 0) {
            return RowProblem.of(line, field, Codes.NEGATIVE_VALUE, text);
        }
        if (value.stripTrailingZeros().scale() > SCALE) {
            return RowProblem.of(line, field, Codes.MALFORMED_NUMBER, shorten(text));
        }
        if (value.compareTo(max) > 0) {
            return RowProblem.of(line, field, Codes.NUMBER_OUT_OF_RANGE, shorten(text), max.toPlainString());
        }
        return value.setScale(SCALE);
    }

    /**
     * ISO-8601 with an offset ({@code 2024-03-01T00:00:00+08:00}, {@code …Z}) or local Asia/Shanghai time
     * without one ({@code 2024-03-01T00:00:00}, {@code 2024-03-01T00:00}, or a bare date for midnight); a space
     * may stand for the {@code T}.
     */
    static Instant parseTime(String text) {
        long fast = FastTime.epochSecond(text);
        if (fast != FastTime.NONE) {
            return Instant.ofEpochSecond(fast);
        }
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            if (iso.length() == 10) {
                return LocalDate.parse(iso).atStartOfDay(ZONE).toInstant();
            }
            if (hasOffset(iso)) {
                return OffsetDateTime.parse(iso).toInstant();
            }
            return LocalDateTime.parse(iso).atZone(ZONE).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean hasControlOrBackslash(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '\\' || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /**
     * The common shape of a kWh cell — digits, optionally a point and at most four decimals, at most 9
     * digits before the point — in 0.0001 kWh; -1 for anything else (which then takes the exact
     * {@link BigDecimal} path with its own messages).
     */
    static long plainE4(String text) {
        int n = text.length();
        if (n == 0 || n > 14) {
            return -1;
        }
        long value = 0;
        int decimals = -1;
        int integerDigits = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (decimals >= 0 || integerDigits == 0) {
                    return -1;
                }
                decimals = 0;
            } else if (c >= '0' && c <= '9') {
                if (decimals >= 0) {
                    if (++decimals > SCALE) {
                        return -1;
                    }
                } else if (++integerDigits > 9) {
                    return -1;
                }
                value = value * 10 + (c - '0');
            } else {
                return -1;
            }
        }
        if (decimals == 0) {
            return -1;
        }
        for (int d = Math.max(decimals, 0); d < SCALE; d++) {
            value *= 10;
        }
        return value;
    }

    private static boolean hasOffset(String iso) {
        if (iso.endsWith("Z") || iso.endsWith("z")) {
            return true;
        }
        int t = iso.indexOf('T');
        return t > 0 && (iso.indexOf('+', t) > 0 || iso.indexOf('-', t) > 0);
    }

    private String cell(CsvRecords row, int column) {
        int position = index[column];
        return position < row.size() ? row.get(position).strip() : "";
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
