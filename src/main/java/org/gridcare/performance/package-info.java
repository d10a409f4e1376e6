/** Performance assessment (绩效考核): monthly scorecards per staff member and team, rankings, adjustments and recognition. */
@org.springframework.modulith.ApplicationModule(displayName = "Performance assessment")
package org.gridcare.performance;
