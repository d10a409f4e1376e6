package org.gridcare.workorder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Runs units of work that would each end in a commit of their own together, in one transaction per group: the
 * units that arrive while a group is being written form the next group. Each unit stays atomic (its rows commit or
 * roll back together) and its caller gets its answer only after the commit, but a group shares one WAL flush and,
 * more importantly, one pass over a serialisation point such as the gap-free order counter, whose row lock would
 * otherwise be held across every single commit.
 *
 * <p>A unit runs on the writer thread with its caller's security context, request attributes and logging context, so
 * that audit records name the right user, client address and request id. When a unit fails (or the commit does),
 * the group rolls back and each of its units runs again alone, so one failure fails only its own caller. A unit may
 * therefore be written more than once: its writing must do nothing but database work in the transaction (events for
 * after-commit listeners are fine).
 *
 * <p>A group is written by a {@link Writer}, which gets the inputs of all its callers at once, so that it can write
 * them in one statement per table rather than one per caller (an intake's round trips are its cost); it runs a
 * caller's part in that caller's context with {@link Entry#inContext}, and may hold back rows (such as the audit
 * records) to write them together at its end.
 */
final class GroupCommit<I, R> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final BlockingQueue<Entry<I, R>> queue = new LinkedBlockingQueue<>();
    private final TransactionTemplate transactions;
    private final int maxGroup;
    private final Writer<I, R> writer;
    private final Thread thread;
    private volatile boolean open = true;

    /** Writes the entries of a group inside its transaction; returns one result per entry, in their order. */
    @FunctionalInterface
    interface Writer<I, R> {
        List<R> write(List<Entry<I, R>> group);
    }

    GroupCommit(String name, TransactionTemplate transactions, int maxGroup, Writer<I, R> writer) {
        this.transactions = transactions;
        this.maxGroup = maxGroup;
        this.writer = writer;
        this.thread = new Thread(this::writeGroups, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Hands {@code input} to the next group and returns its result once the group has committed. */
    R run(I input) {
        if (!open) {
            throw new IllegalStateException("shutting down");
        }
        Entry<I, R> entry = new Entry<>(input, SecurityContextHolder.getContext(),
                RequestContextHolder.getRequestAttributes(), MDC.getCopyOfContextMap(), new CompletableFuture<>());
        queue.add(entry);
        try {
            return entry.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the commit", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** How many entries wait for the next group. */
    int queued() {
        return queue.size();
    }

    private void writeGroups() {
        while (open) {
            try {
                Entry<I, R> first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                List<Entry<I, R>> group = new ArrayList<>();
                group.add(first);
                queue.drainTo(group, maxGroup - 1);
                write(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable unexpected) {
                log.error("group commit writer: unexpected failure", unexpected);
            }
        }
    }

    private void write(List<Entry<I, R>> group) {
        List<R> results;
        try {
            results = transactions.execute(status -> {
                List<R> written = writer.write(List.copyOf(group));
                if (written.size() != group.size()) {
                    throw new IllegalStateException(written.size() + " results for " + group.size() + " entries");
                }
                return written;
            });
        } catch (RuntimeException | Error failure) {
            if (group.size() == 1) {
                group.get(0).result().completeExceptionally(failure);
            } else {
                group.forEach(entry -> write(List.of(entry)));
            }
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).result().complete(results.get(i));
        }
    }

    @Override
    public void close() {
        open = false;
        thread.interrupt();
        List<Entry<I, R>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(entry -> entry.result().completeExceptionally(new IllegalStateException("shutting down")));
    }

    /** One caller's input, with the security, request and logging context it was handed in with. */
    record Entry<I, R>(I input, SecurityContext security, RequestAttributes request, Map<String, String> logging,
                       CompletableFuture<R> result) {

        /** Runs {@code work} with this entry's caller's context: audit records name the right user and request. */
        <T> T inContext(Supplier<T> work) {
            SecurityContextHolder.setContext(security);
            RequestContextHolder.setRequestAttributes(request);
            if (logging != null) {
                MDC.setContextMap(logging);
            }
            try {
                return work.get();
            } finally {
                SecurityContextHolder.clearContext();
                RequestContextHolder.resetRequestAttributes();
                MDC.clear();
            }
        }
    }
}
