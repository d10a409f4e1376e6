package org.gridcare.workorder;

import org.gridcare.sla.SlaBreached;
import org.gridcare.sla.SlaWarningRaised;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Turns the SLA scheduler's warnings and breaches into amber/red orders and inbox notices. */
@Component
class SlaAlarms {

    private final WorkOrders orders;

    SlaAlarms(WorkOrders orders) {
        this.orders = orders;
    }

    @ApplicationModuleListener
    void on(SlaWarningRaised warning) {
        orders.slaAlarm(warning.orderId(), "WARNING", warning.clockName(), warning.dueAt());
    }

    @ApplicationModuleListener
    void on(SlaBreached breach) {
        orders.slaAlarm(breach.orderId(), "BREACHED", breach.clockName(), breach.dueAt());
    }
}
