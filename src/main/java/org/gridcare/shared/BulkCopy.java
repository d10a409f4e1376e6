package org.gridcare.shared;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN (FORMAT csv)}, the fastest way to load many rows: a
 * module's bulk loader adds rows cell by cell and copies them into its own table, on the connection of
 * the running transaction (so the rows commit or roll back with it). A null cell is SQL NULL; every
 * other cell is quoted, so an empty string stays an empty string.
 */
public final class BulkCopy {

    private final String table;
    private final String columns;
    private final StringBuilder csv = new StringBuilder(1 << 16);
    private int rows;
    private boolean rowStarted;

    private BulkCopy(String table, String columns) {
        this.table = table;
        this.columns = columns;
    }

    /** A copy into {@code table} of the given comma-separated {@code columns}. */
    public static BulkCopy into(String table, String columns) {
        return new BulkCopy(table, columns);
    }

    public BulkCopy cell(Object value) {
        if (rowStarted) {
            csv.append(',');
        }
        rowStarted = true;
        if (value == null) {
            return this;
        }
        String text;
        if (value instanceof Enum<?> e) {
            text = e.name();
        } else if (value instanceof Collection<?> values) {
            text = arrayLiteral(values);
        } else {
            // Instant and LocalDate print as ISO-8601, which PostgreSQL reads for timestamptz and date
            text = value.toString();
        }
        csv.append('"').append(text.indexOf('"') < 0 ? text : text.replace("\"", "\"\"")).append('"');
        return this;
    }

    public BulkCopy cells(Object... values) {
        for (Object value : values) {
            cell(value);
        }
        return this;
    }

    public BulkCopy endRow() {
        csv.append('\n');
        rows++;
        rowStarted = false;
        return this;
    }

    public int rows() {
        return rows;
    }

    /** Copies the rows in the current transaction (if any) and empties this buffer; returns the row count. */
    public long copy(DataSource dataSource) {
        if (rows == 0) {
            return 0;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            long copied = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy " + table + " (" + columns + ") from stdin (format csv)", new StringReader(csv.toString()));
            csv.setLength(0);
            rows = 0;
            return copied;
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("COPY into " + table + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** A PostgreSQL array literal of plain words (enum names, codes): {@code {A,B}}. */
    private static String arrayLiteral(Collection<?> values) {
        StringBuilder literal = new StringBuilder("{");
        for (Object v : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"').append(String.valueOf(v instanceof Enum<?> e ? e.name() : v)
                    .replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }
}
