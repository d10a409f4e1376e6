package org.gridcare.analytics;

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

/**
 * Keeps the KPI facts current. The per-order listeners run synchronously inside the transaction that
 * published the event (plain {@code @EventListener}), as ONE statement each: the fact commits or rolls back
 * with the change it describes, concurrent changes of one order are serialised by the order's row lock, and
 * no event publication row is written per event (an after-commit listener would cost a publication insert and
 * update plus a second transaction on every order change). A bulk import is heard after its commit,
 * asynchronously, through the event publication registry (retried after a restart), since refreshing a
 * range must not lengthen the loader's transaction.
 */
@Component
class FactRefresher {

    private final KpiFacts facts;

    FactRefresher(KpiFacts facts) {
        this.facts = facts;
    }

    @EventListener
    void on(WorkOrderAccepted event) {
        facts.refresh(event.orderId(), event.repeat());
    }

    @EventListener
    void on(WorkOrderTransitioned event) {
        // an urge or a supervision note changes nothing the KPIs count
        if (event.action() != Action.URGE && event.action() != Action.SUPERVISE) {
            facts.refresh(event.orderId(), false);
        }
    }

    @EventListener
    void on(ReturnVisitRecorded event) {
        facts.refresh(event.orderId(), false);
    }

    @EventListener
    void on(SlaWarningRaised event) {
        facts.refresh(event.orderId(), false);
    }

    @EventListener
    void on(SlaBreached event) {
        facts.refresh(event.orderId(), false);
    }

    @ApplicationModuleListener
    void on(WorkOrdersImported event) {
        facts.refreshRange(event.firstId(), event.lastId());
    }
}
