package org.gridcare.customer;

import java.util.Collection;
import java.util.List;

import org.gridcare.organisation.DataScope;

/**
 * The meters of the archive as other modules (metering) look them up, always within a data scope:
 * a meter of a customer outside the scope is as absent as an unknown one.
 */
public interface MeterDirectory {

    /** The largest number of meter numbers one {@link #byNumbers} call takes. */
    int MAX_NUMBERS = 10_000;

    /** The meters with these numbers, in one query; unknown or out-of-scope numbers are left out. */
    List<MeterSummary> byNumbers(Collection<String> meterNumbers, DataScope scope);

    /** Every meter — in service or removed — of the customer, or nothing when it is not within the scope. */
    List<MeterSummary> ofCustomer(String customerNumber, DataScope scope);

    /**
     * The meters of the customer's peers: customers of the same kind served by the same supply station
     * (the customer included), at most {@code maxCustomers} of them; empty when the customer is not
     * within the scope.
     */
    List<MeterSummary> ofPeers(String customerNumber, DataScope scope, int maxCustomers);
}
