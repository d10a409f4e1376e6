package org.gridcare.customer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

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
 */
@Component
class CustomerCounts {

    static final Duration MAX_AGE = Duration.ofMinutes(5);
    /** How old {@link #approximateByUnit} counts may be. */
    static final Duration APPROXIMATE_AGE = Duration.ofHours(1);

    private final CustomerRepository customers;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();
    private volatile Counted counted;
    /** The last counts {@link #approximateByUnit} took, kept even when customers changed while they were taken. */
    private volatile Counted approximate;

    CustomerCounts(CustomerRepository customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    private record Counted(Map<Long, Long> byUnit, long generation, Instant at) {
    }

    Map<Long, Long> byUnit() {
        Counted current = counted;
        Instant now = Instant.now(clock);
        if (current != null && current.generation() == generation.get()
                && !current.at().plus(MAX_AGE).isBefore(now) && !current.at().isAfter(now)) {
            return current.byUnit();
        }
        long before = generation.get();
        Map<Long, Long> fresh = Map.copyOf(customers.countByUnit());
        if (generation.get() == before) {
            counted = new Counted(fresh, before, now);
        }
        return fresh;
    }

    /**
     * The counts held, even if customers were registered or changed since, when they are at most
     * {@link #APPROXIMATE_AGE} old; otherwise counted afresh. For a choice a few customers more or less do not
     * change (how a scope's search is planned, {@link Customers#walkUnits}): a customer registered before a search
     * must not make it count the whole table first.
     */
    Map<Long, Long> approximateByUnit() {
        Instant now = Instant.now(clock);
        for (Counted held : new Counted[] {counted, approximate}) {
            if (held != null && !held.at().plus(APPROXIMATE_AGE).isBefore(now) && !held.at().isAfter(now)) {
                return held.byUnit();
            }
        }
        Map<Long, Long> fresh = byUnit();
        approximate = new Counted(fresh, generation.get(), now);
        return fresh;
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
