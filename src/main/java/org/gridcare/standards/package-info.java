/** Service standards (服务标准): versioned, reviewed and published documents whose clauses drive the SLA clocks, reply checks and inspection rubrics. */
@org.springframework.modulith.ApplicationModule(displayName = "Service standards")
package org.gridcare.standards;
