package org.gridcare.analytics;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.gridcare.complaint.ComplaintCaseChanged;
import org.gridcare.quality.InspectionResultChanged;
import org.gridcare.shared.CommitWrites;
import org.gridcare.sla.SlaBreached;
import org.gridcare.sla.SlaWarningRaised;
import org.gridcare.workorder.Action;
import org.gridcare.workorder.ReturnVisitRecorded;
import org.gridcare.workorder.WorkOrderAccepted;
import org.gridcare.workorder.WorkOrderTransitioned;
import org.gridcare.workorder.WorkOrdersImported;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the KPI facts current. The per-order listeners run synchronously inside the transaction that published the
 * event (plain {@code @EventListener}): they note the order, and just before that transaction commits ONE statement
 * writes its changed orders to the queue {@code kpi_fact_pending}, sent with the transaction's other end writes
 * ({@link CommitWrites}) — so the note commits or rolls back with the change
 * it notes, and a group of intakes committed together ({@code workorder.GroupCommit}) costs one small insert. The
 * refresh itself runs after the commit, out of the change's way (it reads the work order, SLA, complaint and quality
 * views: the heaviest statement of an intake): every {@code gridcare.analytics.fact-refresh-interval} the queue is
 * refreshed in batches of {@value #BATCH} orders, and before any report or drill-down reads the facts, every order
 * noted until then is ({@link #catchUp}), so a report counts every change committed before it started. Refreshes run
 * one at a time (an advisory lock, on every node), so an older read never overwrites a newer one. Without a
 * transaction (never the case for these events today) the refresh runs at once. A bulk import is heard after its
 * commit, asynchronously, through the event publication registry (retried after a restart), since refreshing a range
 * must not lengthen the loader's transaction.
 */
@Component
class FactRefresher {

    /** Orders refreshed by one statement of the queue's refresh. */
    static final int BATCH = 1000;

    private static final Logger log = LoggerFactory.getLogger(FactRefresher.class);

    private final KpiFacts facts;
    private final CommitWrites endWrites;
    /** The queue's refreshes: each batch a transaction of its own, also when a caller has one. */
    private final TransactionTemplate ownTransaction;

    FactRefresher(KpiFacts facts, PlatformTransactionManager transactionManager, CommitWrites endWrites) {
        this.facts = facts;
        this.endWrites = endWrites;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    void on(WorkOrderAccepted event) {
        changed(event.orderId());
    }

    @EventListener
    void on(WorkOrderTransitioned event) {
        // an urge or a supervision note changes nothing the KPIs count
        if (event.action() != Action.URGE && event.action() != Action.SUPERVISE) {
            changed(event.orderId());
        }
    }

    @EventListener
    void on(ReturnVisitRecorded event) {
        changed(event.orderId());
    }

    @EventListener
    void on(SlaWarningRaised event) {
        changed(event.orderId());
    }

    @EventListener
    void on(SlaBreached event) {
        changed(event.orderId());
    }

    @EventListener
    void on(ComplaintCaseChanged event) {
        changed(event.orderId());
    }

    /** An order's inspection was scored or its appeal decided: the error rate and the quality score change. */
    @EventListener
    void on(InspectionResultChanged event) {
        if (event.orderId() != null) {
            changed(event.orderId());
        }
    }

    @ApplicationModuleListener
    void on(WorkOrdersImported event) {
        facts.refreshRange(event.firstId(), event.lastId());
    }

    /** Refreshes the queue, batch by batch, until it is empty. */
    @Scheduled(fixedDelayString = "${gridcare.analytics.fact-refresh-interval:1s}",
            initialDelayString = "${gridcare.analytics.fact-refresh-interval:1s}")
    void run() {
        try {
            refreshQueued(Long.MAX_VALUE);
        } catch (RuntimeException e) {
            log.warn("KPI fact refresh failed; the next run retries: {}", e.toString());
        }
    }

    /**
     * Refreshes the facts of every order noted before this call, in transactions of their own (a reader's
     * snapshot, taken after this returns, sees them). Called before the facts are read.
     */
    void catchUp() {
        long last = facts.lastPending();
        if (last > 0) {
            refreshQueued(last);
        }
    }

    private void refreshQueued(long upTo) {
        Integer taken;
        do {
            taken = ownTransaction.execute(status -> facts.refreshPending(upTo, BATCH));
        } while (taken != null && taken == BATCH);
    }

    private void changed(long orderId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            facts.refresh(List.of(orderId));
            return;
        }
        Changed pending = (Changed) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Changed(new LinkedHashSet<>());
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
            endWrites.expect();
        }
        pending.orders().add(orderId);
    }

    /** The orders changed in the current transaction; they are queued just before it commits. */
    private final class Changed implements TransactionSynchronization {

        private final Set<Long> orders;

        Changed(Set<Long> orders) {
            this.orders = orders;
        }

        Set<Long> orders() {
            return orders;
        }

        /** Before the end writes are sent: the queue's note goes with them. */
        @Override
        public int getOrder() {
            return CommitWrites.ORDER - 1;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            facts.enqueueAtCommit(orders);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(FactRefresher.this);
        }
    }
}
