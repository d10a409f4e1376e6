package org.gridcare.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.gridcare.audit.AuditTrail;
import org.gridcare.customer.BillingAccount;
import org.gridcare.customer.BillingAccounts;
import org.gridcare.customer.MeterSummary;
import org.gridcare.metering.MonthUsage;
import org.gridcare.metering.MonthlyUsage;
import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bill runs: the bills of every customer in the requester's scope for a month, computed in the background a
 * page of customers at a time — the page's accounts and meters in two queries, its consumption in one
 * set-based pass ({@link MonthlyUsage}), its bills priced in memory and written by COPY with the run's progress
 * in one transaction per page. A run that fails leaves the pages it finished (correct bills); running the month
 * again recomputes everything and replaces them.
 */
@Service
public class BillRuns {

    static final String ENTITY = "BillRun";
    private static final Logger log = LoggerFactory.getLogger(BillRuns.class);

    private final BillRunRepository runs;
    private final BillRepository bills;
    private final BillingAccounts accounts;
    private final MonthlyUsage usage;
    private final Tariffs tariffs;
    private final OrgUnits units;
    private final AuditTrail audit;
    private final BillingProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ThreadPoolExecutor executor;
    private final Set<Long> mine = ConcurrentHashMap.newKeySet();

    BillRuns(BillRunRepository runs, BillRepository bills, BillingAccounts accounts, MonthlyUsage usage, Tariffs tariffs,
             OrgUnits units, AuditTrail audit, BillingProperties properties, Clock clock,
             PlatformTransactionManager transactions) {
        this.runs = runs;
        this.bills = bills;
        this.accounts = accounts;
        this.usage = usage;
        this.tariffs = tariffs;
        this.units = units;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, properties.runQueue())), r -> {
                    Thread thread = new Thread(r, "bill-run");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** A whole month that has ended (Asia/Shanghai), or a 400 naming {@code field}. */
    YearMonth endedMonth(String value, String field) {
        YearMonth month = Bills.month(value, field);
        if (!month.atEndOfMonth().isBefore(LocalDate.ofInstant(clock.instant(), BusinessTime.ZONE))) {
            throw InvalidInputException.of(field, "billing.validation.runMonthFuture", month);
        }
        return month;
    }

    /** Queues a run for the month over the caller's scope; returns it (QUEUED). */
    public BillRun start(String monthText, Actor actor) {
        YearMonth month = endedMonth(monthText, "month");
        DataScope scope = units.scopeOf(actor);
        Long id = tx.execute(s -> {
            long created = runs.create(month, actor.username(), actor.unitId(), scope, clock.instant());
            audit.record("BILL_RUN_REQUESTED", ENTITY, String.valueOf(created), "month " + month);
            return created;
        });
        mine.add(id);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        try {
            executor.execute(() -> {
                SecurityContextHolder.setContext(context);
                try {
                    execute(id);
                } finally {
                    SecurityContextHolder.clearContext();
                    mine.remove(id);
                }
            });
        } catch (RejectedExecutionException e) {
            mine.remove(id);
            tx.executeWithoutResult(s -> {
                runs.finished(id, "FAILED", "BUSY", clock.instant());
                audit.record("BILL_RUN_FAILED", ENTITY, String.valueOf(id), "BUSY");
            });
            throw new ConflictException("billing.error.busy", properties.runQueue());
        }
        return runs.find(id).orElseThrow();
    }

    /** The run, if the caller's scope covers the unit of the user who started it. */
    public BillRun get(long id, Actor actor) {
        DataScope scope = units.scopeOf(actor);
        return runs.find(id).filter(r -> scope.includes(runs.unitOf(id)))
                .orElseThrow(() -> new NotFoundException(ENTITY, String.valueOf(id)));
    }

    public List<BillRun> recent(Actor actor) {
        return runs.recent(units.scopeOf(actor), 20);
    }

    List<BillRunRepository.Skip> skips(long id, Actor actor, int limit) {
        get(id, actor);
        return runs.skipsOf(id, limit);
    }

    void execute(long id) {
        BillRunRepository.Scope scope = runs.scopeOf(id);
        YearMonth month = scope.month();
        try {
            tx.executeWithoutResult(s -> runs.started(id, clock.instant()));
            TariffBook book = tariffs.book();
            String after = null;
            int total = 0;
            int written = 0;
            while (true) {
                String from = after;
                // a page is read, priced and written in one transaction holding the month against contract changes
                // reaching back to it (see BillRepository.holdMonth): its bills are never priced on a replaced contract
                Page done = tx.execute(s -> writePage(id, scope, month, book, from));
                if (done == null) {
                    break;
                }
                after = done.last();
                total += done.seen();
                written += done.billed();
            }
            int customers = total;
            int billed = written;
            tx.executeWithoutResult(s -> {
                runs.finished(id, "DONE", null, clock.instant());
                audit.record("BILL_RUN_FINISHED", ENTITY, String.valueOf(id),
                        "month %s: %d customers, %d bills".formatted(month, customers, billed));
            });
        } catch (RuntimeException e) {
            log.error("Bill run {} for {} failed", id, month, e);
            tx.executeWithoutResult(s -> {
                runs.finished(id, "FAILED", e.getClass().getSimpleName(), clock.instant());
                audit.record("BILL_RUN_FAILED", ENTITY, String.valueOf(id), e.getClass().getSimpleName());
            });
        }
    }

    /** A page a run wrote: its last customer number, how many customers it saw and how many bills it stored. */
    private record Page(String last, int seen, int billed) {
    }

    /** Reads, prices and writes the page of customers after {@code after}; null when there is none. */
    private Page writePage(long id, BillRunRepository.Scope scope, YearMonth month, TariffBook book, String after) {
        bills.holdMonth(month);
        List<BillingAccount> page = accounts.page(scope.scope(), after, properties.runPageSize());
        if (page.isEmpty()) {
            return null;
        }
        List<MeterSummary> meters = new ArrayList<>();
        page.forEach(a -> meters.addAll(a.meters()));
        Map<String, MonthUsage> used = usage.of(meters, month);
        Instant now = clock.instant();
        List<StoredBill> made = new ArrayList<>(page.size());
        List<BillMaker.Skipped> skipped = new ArrayList<>();
        int[] counts = new int[4];
        for (BillingAccount account : page) {
            BillMaker.Outcome outcome = BillMaker.make(account, month, used.get(account.number()), book,
                    LineLabels.NONE, id, now);
            if (outcome instanceof BillMaker.Made m) {
                made.add(m.bill());
            } else if (outcome instanceof BillMaker.Skipped s) {
                skipped.add(s);
                counts[switch (s.reason()) {
                    case "NO_TARIFF" -> 0;
                    case "UNKNOWN_TARIFF" -> 1;
                    case "NO_READINGS" -> 2;
                    default -> 3;
                }]++;
            }
        }
        bills.replace(month, made);
        runs.progress(id, page.size(), made.size(), counts, clock.instant());
        int room = properties.skipReportLimit() - runs.skipCount(id);
        if (room > 0) {
            runs.skips(id, skipped.subList(0, Math.min(room, skipped.size())));
        }
        return new Page(page.get(page.size() - 1).number(), page.size(), made.size());
    }

    /** Fails the open runs of an instance that stopped (they are not this instance's and are older than the limit). */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "30s", initialDelayString = "30s")
    void sweep() {
        tx.executeWithoutResult(s -> {
            runs.heartbeat(Set.copyOf(mine), clock.instant());
            for (long id : runs.stale(mine, clock.instant().minus(properties.staleAfter()))) {
                if (runs.find(id).map(BillRun::open).orElse(false) && !mine.contains(id)) {
                    log.warn("Bill run {} was interrupted (its instance stopped) and is marked FAILED", id);
                    runs.finished(id, "FAILED", "INTERRUPTED", clock.instant());
                    audit.record("BILL_RUN_FAILED", ENTITY, String.valueOf(id), "INTERRUPTED");
                }
            }
        });
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
