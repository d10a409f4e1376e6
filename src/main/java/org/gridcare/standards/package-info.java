/** Service standards (服务标准): versioned, reviewed and published documents whose clauses drive the SLA clocks and reply checks. */
@org.springframework.modulith.ApplicationModule(displayName = "Service standards")
package org.gridcare.standards;
