package org.gridcare.organisation;

/** What an organisation unit is; the level orders the tree (a child sits at a deeper level than its parent). */
public enum OrgUnitKind {
    PROVINCE_COMPANY(1),
    CITY_COMPANY(2),
    COUNTY_COMPANY(3),
    SUPPLY_STATION(4),
    SERVICE_CENTRE(4),
    TEAM(5);

    private final int level;

    OrgUnitKind(int level) {
        this.level = level;
    }

    public int level() {
        return level;
    }

    public boolean mayContain(OrgUnitKind child) {
        return child.level > level;
    }
}
