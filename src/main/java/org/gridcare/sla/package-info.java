/** Statutory time limits: the working-day calendar, SLA policies as versioned data, clocks per order and the deadline scheduler. */
@org.springframework.modulith.ApplicationModule(displayName = "SLA clocks")
package org.gridcare.sla;
