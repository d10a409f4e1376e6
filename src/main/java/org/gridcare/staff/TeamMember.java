package org.gridcare.staff;

/** A member as the org chart shows them to anyone in scope: no skills, certificates or shifts. */
public record TeamMember(long userId, String username, String displayName, Position position) {
}
