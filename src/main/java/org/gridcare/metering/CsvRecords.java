package org.gridcare.metering;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small RFC 4180 reader for the reading files, built for volume: it scans a char buffer and makes one
 * String per cell, nothing else per record (commons-csv's per-character token building was half of the
 * import's CPU once the cells' parsing was fast). Records end at LF, CR LF or CR; empty lines are
 * skipped; a cell starting with a double quote is quoted ({@code ""} is a quote, delimiters and line
 * breaks are data) and only whitespace may follow its closing quote; every cell is trimmed. A quoted
 * cell that never closes, or text after a closing quote, is an {@link IOException}. Not thread-safe.
 */
final class CsvRecords {

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private final StringBuilder spill = new StringBuilder();
    private final List<String> cells = new ArrayList<>();
    private int position;
    private int limit;
    private long records;
    private int headerSize;

    CsvRecords(Reader in) {
        this.in = in;
    }

    /**
     * The first record as the header: each non-empty name's position.
     *
     * @throws IllegalArgumentException when a non-empty name occurs twice
     */
    Map<String, Integer> header() throws IOException {
        Map<String, Integer> header = new HashMap<>();
        if (!next()) {
            return header;
        }
        headerSize = cells.size();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i);
            if (!name.isEmpty() && header.put(name, i) != null) {
                throw new IllegalArgumentException("The header contains a duplicate name: " + name);
            }
        }
        return header;
    }

    /** How many cells the header has. */
    int headerSize() {
        return headerSize;
    }

    /** Reads the next record; false at the end of the input. */
    boolean next() throws IOException {
        cells.clear();
        while (true) {
            if (position == limit && !fill()) {
                return false;
            }
            char c = buffer[position];
            if (c == '\n' || c == '\r') {
                position++; // an empty line (CR LF is two empty "lines" here, equally skipped)
                continue;
            }
            break;
        }
        while (cell()) {
            // the next cell of the record
        }
        records++;
        return true;
    }

    /** The records read so far, the header included: the current record's line in the file's terms. */
    long number() {
        return records;
    }

    int size() {
        return cells.size();
    }

    String get(int index) {
        return cells.get(index);
    }

    /** Reads one cell; true when a delimiter follows (another cell of the same record). */
    private boolean cell() throws IOException {
        if (position == limit && !fill()) {
            cells.add("");
            return false;
        }
        if (buffer[position] == '"') {
            position++;
            return quoted();
        }
        spill.setLength(0);
        boolean spilled = false;
        int start = position;
        while (true) {
            if (position == limit) {
                spill.append(buffer, start, position - start);
                spilled = true;
                if (!fill()) {
                    cells.add(spill.toString().trim());
                    return false;
                }
                start = position;
            }
            char c = buffer[position];
            if (c == ',' || c == '\n' || c == '\r') {
                String value = spilled ? spill.append(buffer, start, position - start).toString()
                        : new String(buffer, start, position - start);
                cells.add(value.trim());
                position++;
                if (c == '\r') {
                    skipLineFeed();
                }
                return c == ',';
            }
            position++;
        }
    }

    private boolean quoted() throws IOException {
        spill.setLength(0);
        while (true) {
            if (position == limit && !fill()) {
                throw new IOException("EOF reached before the quoted cell finished (record " + (records + 1) + ")");
            }
            char c = buffer[position++];
            if (c != '"') {
                spill.append(c);
                continue;
            }
            if (position == limit && !fill()) {
                cells.add(spill.toString().trim());
                return false;
            }
            if (buffer[position] == '"') {
                spill.append('"');
                position++;
                continue;
            }
            cells.add(spill.toString().trim());
            // after the closing quote: whitespace, then the end of the cell
            while (true) {
                if (position == limit && !fill()) {
                    return false;
                }
                char next = buffer[position++];
                if (next == ',') {
                    return true;
                }
                if (next == '\n') {
                    return false;
                }
                if (next == '\r') {
                    skipLineFeed();
                    return false;
                }
                if (!Character.isWhitespace(next)) {
                    throw new IOException("Invalid character after a quoted cell (record " + (records + 1) + ")");
                }
            }
        }
    }

    private void skipLineFeed() throws IOException {
        if ((position < limit || fill()) && buffer[position] == '\n') {
            position++;
        }
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(read, 0);
        return read > 0;
    }
}
