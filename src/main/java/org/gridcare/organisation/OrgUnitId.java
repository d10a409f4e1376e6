package org.gridcare.organisation;

/** The database identity of an organisation unit. */
public record OrgUnitId(long value) {
}
