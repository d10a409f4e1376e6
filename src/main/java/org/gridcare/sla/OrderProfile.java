package org.gridcare.sla;

/**
 * What an SLA policy matches a work order on. Values are the work order module's enum names
 * (type FAULT_REPAIR, subType RECONNECTION, priority URGENT, areaType RURAL, channel GOV_12345);
 * subType may be null.
 */
public record OrderProfile(String type, String subType, String priority, String areaType, String channel) {
}
