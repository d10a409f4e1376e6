package org.gridcare.shared;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ids for rows about to be written, taken from a PostgreSQL sequence a block at a time, so that a writer knows its
 * rows' ids before it writes them (rows of other modules, or its own end writes, can name them) without a round trip
 * per row: a short transaction's round trips are its cost. Ids left unused at a stop, or taken by a transaction that
 * rolled back, are gaps, as with any sequence; nothing may count on ids being dense or in commit order.
 */
public final class SequenceBlock {

    private final JdbcClient jdbc;
    private final String sequence;
    private final int size;
    private final ConcurrentLinkedQueue<Long> ids = new ConcurrentLinkedQueue<>();

    /** Takes ids from {@code sequence} (a name written by the caller, never user input) {@code size} at a time. */
    public SequenceBlock(JdbcClient jdbc, String sequence, int size) {
        if (!sequence.matches("[a-z_][a-z0-9_]*") || size < 1) {
            throw new IllegalArgumentException("sequence " + sequence + ", block " + size);
        }
        this.jdbc = jdbc;
        this.sequence = sequence;
        this.size = size;
    }

    /** The next id. */
    public long next() {
        Long id = ids.poll();
        if (id != null) {
            return id;
        }
        List<Long> block = jdbc.sql("select nextval('" + sequence + "') from generate_series(1, :n) order by 1")
                .param("n", size).query(Long.class).list();
        ids.addAll(block.subList(1, block.size()));
        return block.get(0);
    }

    /** The next {@code n} ids. */
    public long[] next(int n) {
        long[] taken = new long[n];
        for (int i = 0; i < n; i++) {
            taken[i] = next();
        }
        return taken;
    }
}
