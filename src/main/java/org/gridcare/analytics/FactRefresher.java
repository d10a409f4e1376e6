package org.gridcare.analytics;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.gridcare.complaint.ComplaintCaseChanged;
import org.gridcare.quality.InspectionResultChanged;
import org.gridcare.sla.SlaBreached;
import org.gridcare.sla.SlaWarningRaised;
import org.gridcare.workorder.Action;
import org.gridcare.workorder.ReturnVisitRecorded;
import org.gridcare.workorder.WorkOrderAccepted;
import org.gridcare.workorder.WorkOrderTransitioned;
import org.gridcare.workorder.WorkOrdersImported;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the KPI facts current. The per-order listeners run synchronously inside the transaction that
 * published the event (plain {@code @EventListener}): they note the order, and just before that transaction
 * commits ONE statement refreshes the facts of every order it changed. So the facts commit or roll back with
 * the changes they describe, concurrent changes of one order are serialised by the order's row lock, no event
 * publication row is written per event (an after-commit listener would cost a publication insert and update
 * plus a second transaction on every order change), and a group of intakes committed together
 * ({@code workorder.GroupCommit}) costs one refresh, not one per order. Without a transaction (never the case
 * for these events today) the refresh runs at once. A bulk import is heard after its commit, asynchronously,
 * through the event publication registry (retried after a restart), since refreshing a range must not lengthen
 * the loader's transaction.
 */
@Component
class FactRefresher {

    private final KpiFacts facts;

    FactRefresher(KpiFacts facts) {
        this.facts = facts;
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
        }
        pending.orders().add(orderId);
    }

    /** The orders changed in the current transaction; their facts are refreshed just before it commits. */
    private final class Changed implements TransactionSynchronization {

        private final Set<Long> orders;

        Changed(Set<Long> orders) {
            this.orders = orders;
        }

        Set<Long> orders() {
            return orders;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            facts.refresh(orders);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(FactRefresher.this);
        }
    }
}
