package org.gridcare.organisation;

/** Where a unit serves; it sets the fault-repair arrival limits (urban, rural, special remote area). */
public enum AreaType {
    URBAN, RURAL, REMOTE
}
