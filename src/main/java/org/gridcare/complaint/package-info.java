/** Complaint handling (投诉管理): a case per complaint order with grade and clocks, investigation, responsibility, appeal and rectification. */
@org.springframework.modulith.ApplicationModule(displayName = "Complaints")
package org.gridcare.complaint;
