/** The audit trail: who changed what, when, why and from where — written in the same transaction as the change. */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.gridcare.audit;
