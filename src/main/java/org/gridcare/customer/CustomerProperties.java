package org.gridcare.customer;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param unmaskRoles       roles that may ask for the unmasked phone, ID number and address (each such view is audited)
 * @param fullAddressRoles  roles that serve on site and therefore always see the whole address
 * @param importMaxRows     the most data rows one CSV import file may hold
 * @param exportMaxRows     the most rows one export writes
 * @param searchCountCap    a text search counts its matches up to this many beyond the start of the page
 *                          ({@code total}); a broader fragment says so by reaching the cap, and counting
 *                          further would cost more than the search itself (a 4-digit phone fragment matches
 *                          0.7 % of all customers: counting 200 walked 28,000 of them)
 * @param searchPlanCountsAge how old the customers-per-unit counts that plan a scoped text search (walk the scope's
 *                          units or search the whole table) may be; older ones are still used while one recount
 *                          in the background replaces them
 */
@ConfigurationProperties("gridcare.customer")
record CustomerProperties(
        @DefaultValue({"ADMIN", "SUPERVISOR", "AGENT", "DISPATCHER"}) Set<String> unmaskRoles,
        @DefaultValue({"DISPATCHER", "FIELD_STAFF"}) Set<String> fullAddressRoles,
        @DefaultValue("50000") int importMaxRows,
        @DefaultValue("200000") int exportMaxRows,
        @DefaultValue("50") int searchCountCap,
        @DefaultValue("1h") Duration searchPlanCountsAge) {
}
