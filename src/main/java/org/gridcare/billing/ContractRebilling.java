package org.gridcare.billing;

import org.gridcare.customer.ContractChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A supply contract changed back to a month already billed: the bills of that month and after are priced again in
 * the change's own transaction (plain {@code @EventListener}), so a contract and the bills priced on it never
 * disagree, and the recalculations are audited in the name of whoever changed the contract.
 */
@Component
class ContractRebilling {

    private final Bills bills;

    ContractRebilling(Bills bills) {
        this.bills = bills;
    }

    @EventListener
    void on(ContractChanged event) {
        bills.rebillAfterContractChange(event.customerNumber(), event.from());
    }
}
