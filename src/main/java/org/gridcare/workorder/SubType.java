package org.gridcare.workorder;

/** The kind of a service application (服务申请子类); other types have none. */
public enum SubType {
    RECONNECTION, APPLIANCE_DAMAGE, METER_ANOMALY, READING_ANOMALY, OTHER
}
