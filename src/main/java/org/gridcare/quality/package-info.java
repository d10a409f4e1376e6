/** Quality inspection (质检): versioned rubrics per order type, monthly inspection plans, scoring, appeals, spot checks and the error rate's facts. */
@org.springframework.modulith.ApplicationModule(displayName = "Quality inspection")
package org.gridcare.quality;
