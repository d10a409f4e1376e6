package org.gridcare.customer;

import java.util.List;
import java.util.Optional;

import org.gridcare.organisation.DataScope;

/**
 * CONTRACT — the customer archive as other modules (work orders, intake) use it; implemented by the
 * customer module (issue #3). Both methods respect the data scope and mask personal data.
 */
public interface CustomerDirectory {

    /** The customer with this number (户号), if it exists within the scope. */
    Optional<CustomerSummary> find(String number, DataScope scope);

    /** Up to {@code limit} customers matching a number prefix, name, phone or address fragment. */
    List<CustomerSummary> search(String query, DataScope scope, int limit);

    /** How many customers belong to the units of the scope (the denominator of complaints per 10,000 customers). */
    long count(DataScope scope);

    /**
     * How many customers each unit has (units without customers are absent), for callers that need the count of
     * many scopes at once; kept in memory until customers are registered or changed.
     */
    java.util.Map<Long, Long> countsByUnit();
}
