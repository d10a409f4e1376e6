package org.gridcare.customer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How many customers each unit has — the denominator of complaints per 10,000 customers, asked for by every KPI
 * report and every unit of a split (a count over a million customers costs tens of milliseconds each time). Held
 * in memory and dropped after any transaction that registers or changes customers commits; a generation number
 * keeps a count read before such a commit from being kept after it. Customers written behind GridCare's back
 * (a benchmark's SQL load) are seen after {@link #MAX_AGE} at the latest.
 * <p>
 * The plan of a scoped search ({@link #approximateByUnit}) takes whatever counts are held and never waits for a
 * recount (half a second at a million customers): old ones are replaced by one recount in the background, and the
 * counts are taken in the background when the application is ready, so that normally no search counts.
 */
@Component
class CustomerCounts {

    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(CustomerCounts.class);

    private final CustomerRepository customers;
    private final Clock clock;
    /** How old {@link #approximateByUnit} counts may be before a recount in the background replaces them. */
    private final Duration approximateAge;
    private final AtomicLong generation = new AtomicLong();
    private volatile Counted counted;
    /** The last counts {@link #approximateByUnit} took, kept even when customers changed while they were taken. */
    private volatile Counted approximate;
    /** Whether a recount runs in the background: at most one at a time. */
    private final AtomicBoolean recounting = new AtomicBoolean();
    private final AtomicLong recountsStarted = new AtomicLong();
    private final ThreadPoolExecutor recounts;

    CustomerCounts(CustomerRepository customers, Clock clock, CustomerProperties properties) {
        this.customers = customers;
        this.clock = clock;
        this.approximateAge = properties.searchPlanCountsAge();
        this.recounts = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1), r -> {
            Thread thread = new Thread(r, "customer-counts");
            thread.setDaemon(true);
            return thread;
        });
    }

    private record Counted(Map<Long, Long> byUnit, long generation, Instant at) {

        boolean takenWithin(Duration age, Instant now) {
            return !at.plus(age).isBefore(now) && !at.isAfter(now);
        }
    }

    Map<Long, Long> byUnit() {
        Counted current = counted;
        Instant now = Instant.now(clock);
        if (current != null && current.generation() == generation.get() && current.takenWithin(MAX_AGE, now)) {
            return current.byUnit();
        }
        return count(now).byUnit();
    }

    /** Counts now; kept for {@link #byUnit} unless customers changed meanwhile. */
    private Counted count(Instant now) {
        long before = generation.get();
        Counted fresh = new Counted(Map.copyOf(customers.countByUnit()), before, now);
        if (generation.get() == before) {
            counted = fresh;
        }
        return fresh;
    }

    /**
     * The counts held, even if customers were registered or changed since. For a choice a few customers more or
     * less do not change (how a scope's search is planned, {@link Customers#walkUnits}): a customer registered
     * before a search must not make it count the whole table first. Counts older than
     * {@code gridcare.customer.search-plan-counts-age} are still returned while one recount in the background
     * replaces them; only when none are held (a search before the counts taken on start are in) are they counted
     * here.
     */
    Map<Long, Long> approximateByUnit() {
        Instant now = Instant.now(clock);
        Counted newest = null;
        for (Counted held : new Counted[] {counted, approximate}) {
            if (held != null && held.takenWithin(approximateAge, now)) {
                return held.byUnit();
            }
            if (held != null && (newest == null || held.at().isAfter(newest.at()))) {
                newest = held;
            }
        }
        if (newest != null) {
            recountInBackground();
            return newest.byUnit();
        }
        Counted fresh = count(now);
        approximate = fresh;
        return fresh.byUnit();
    }

    /** Takes the counts before the first search asks for them. */
    @EventListener(ApplicationReadyEvent.class)
    void countWhenReady() {
        recountInBackground();
    }

    /**
     * Starts a recount unless one runs already. One that fails is logged and leaves the counts held as they were;
     * the next search that finds them old starts another.
     */
    private void recountInBackground() {
        if (!recounting.compareAndSet(false, true)) {
            return;
        }
        recountsStarted.incrementAndGet();
        try {
            recounts.execute(() -> {
                try {
                    approximate = count(Instant.now(clock));
                } catch (RuntimeException e) {
                    if (!recounts.isShutdown()) {
                        log.warn("Counting the customers per unit failed; the counts held stay in use until a "
                                + "later search recounts", e);
                    }
                } finally {
                    recounting.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            // shutting down: nobody needs new counts any more
            recounting.set(false);
        }
    }

    /** How many recounts were started in the background since the start (for tests). */
    long recountsStarted() {
        return recountsStarted.get();
    }

    /** Whether a recount runs in the background now (for tests). */
    boolean recounting() {
        return recounting.get();
    }

    @PreDestroy
    void stop() {
        recounts.shutdownNow();
    }

    @EventListener
    void on(CustomerRegistered event) {
        changed();
    }

    @EventListener
    void on(CustomerChanged event) {
        changed();
    }

    /** Drops the counts now and again after the current transaction completes (once per transaction). */
    private void changed() {
        generation.incrementAndGet();
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.hasResource(this)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(CustomerCounts.this);
                generation.incrementAndGet();
            }
        });
    }
}
