/** Service KPIs (考核指标): facts per work order kept from the modules' events, the KPI engine, targets and the dashboard. */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics")
package org.gridcare.analytics;
