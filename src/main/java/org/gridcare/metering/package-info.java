/** Meter data (计量数据): register and interval readings imported in bulk, consumption per customer and its analysis. */
@org.springframework.modulith.ApplicationModule(displayName = "Metering")
package org.gridcare.metering;
