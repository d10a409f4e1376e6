package org.gridcare.staff;

import java.time.LocalDate;
import java.util.List;

import org.gridcare.workorder.WorkOrderType;

/**
 * A staff member's profile on top of their user account: {@code userId}, {@code username}, {@code displayName} and
 * {@code unitId} come from the identity module, the rest is the staff module's. {@code teamId}/{@code teamCode} are
 * null for someone in no team; {@code skills} are the work they handle, {@code voltageLevels} codes of
 * staff_voltage_level.
 */
public record StaffProfile(long userId, String username, String displayName, long unitId, Position position,
                           Long teamId, String teamCode, LocalDate hireDate, List<String> languages,
                           List<String> voltageLevels, List<Skill> skills, int version) {

    public StaffProfile {
        languages = List.copyOf(languages);
        voltageLevels = List.copyOf(voltageLevels);
        skills = List.copyOf(skills);
    }

    /** Whether one of the skills covers an order of this type and category. */
    public boolean canHandle(WorkOrderType type, String categoryCode) {
        return skills.stream().anyMatch(s -> s.covers(type, categoryCode));
    }

    /**
     * A skill (技能): an order type, optionally narrowed to one category of it ({@code categoryCode} null: every
     * category of the type). A category covers its sub-categories ({@code COMPLAINT.BUSINESS} covers
     * {@code COMPLAINT.BUSINESS.TARIFF}).
     */
    public record Skill(WorkOrderType type, String categoryCode) {

        public boolean covers(WorkOrderType orderType, String orderCategory) {
            return type == orderType && Categories.within(orderCategory, categoryCode);
        }
    }
}
