package org.gridcare.staff;

/**
 * A team (班组) under an org unit, with its leader (班组长, may be null) and its duties (职责). {@code unitCode} and
 * {@code leaderUsername} are for display.
 */
public record Team(long id, String code, String name, long unitId, String unitCode, Long leaderUserId,
                   String leaderUsername, String duties, boolean enabled, int version) {
}
