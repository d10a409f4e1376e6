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
 * therefore run more than once: it must do nothing but database work in the transaction (events for after-commit
 * listeners are fine).
 *
 * <p>The units of a group run inside a {@link Scope} (in the transaction, around all of them), which may hold back
 * rows they write and write them together at its end, such as the group's audit records.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final BlockingQueue<Unit> queue = new LinkedBlockingQueue<>();
    private final TransactionTemplate transactions;
    private final int maxGroup;
    private final Scope scope;
    private final Thread writer;
    private volatile boolean open = true;

    /** Runs the units of a group, inside its transaction; a failure of it fails the group like a unit's. */
    @FunctionalInterface
    interface Scope {
        void around(Runnable units);
    }

    GroupCommit(String name, TransactionTemplate transactions, int maxGroup) {
        this(name, transactions, maxGroup, Runnable::run);
    }

    GroupCommit(String name, TransactionTemplate transactions, int maxGroup, Scope scope) {
        this.transactions = transactions;
        this.maxGroup = maxGroup;
        this.scope = scope;
        this.writer = new Thread(this::writeGroups, name);
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Runs {@code work} in the next group and returns its result once the group has committed. */
    @SuppressWarnings("unchecked")
    <T> T run(Supplier<T> work) {
        if (!open) {
            throw new IllegalStateException("shutting down");
        }
        Unit unit = new Unit((Supplier<Object>) work, SecurityContextHolder.getContext(),
                RequestContextHolder.getRequestAttributes(), MDC.getCopyOfContextMap(), new CompletableFuture<>());
        queue.add(unit);
        try {
            return (T) unit.result().get();
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

    /** How many units wait for the next group. */
    int queued() {
        return queue.size();
    }

    private void writeGroups() {
        while (open) {
            try {
                Unit first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                List<Unit> group = new ArrayList<>();
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

    private void write(List<Unit> group) {
        List<Object> results = new ArrayList<>(group.size());
        try {
            transactions.executeWithoutResult(status -> scope.around(
                    () -> group.forEach(unit -> results.add(unit.runInItsContext()))));
        } catch (RuntimeException | Error failure) {
            if (group.size() == 1) {
                group.get(0).result().completeExceptionally(failure);
            } else {
                group.forEach(unit -> write(List.of(unit)));
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
        writer.interrupt();
        List<Unit> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(unit -> unit.result().completeExceptionally(new IllegalStateException("shutting down")));
    }

    private record Unit(Supplier<Object> work, SecurityContext security, RequestAttributes request,
                        Map<String, String> logging, CompletableFuture<Object> result) {

        Object runInItsContext() {
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
