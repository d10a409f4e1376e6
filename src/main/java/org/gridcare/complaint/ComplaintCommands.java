package org.gridcare.complaint;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

/** The bodies of the moves (the JSON of the API's POST actions); every move carries the case version it saw. */
public final class ComplaintCommands {

    private ComplaintCommands() {
    }

    /** grade: the grade, its reason and the MAJOR causes, escalation risk (越级倾向) and optionally a corrected source. */
    public record Grade(Integer version, ComplaintGrade grade, @Size(max = 500) String reason, Boolean injury,
                        Boolean media, Boolean specialEvent, Boolean escalationRisk, ComplaintSource source) {
    }

    /**
     * investigate: findings, root cause, responsibility, the responsible unit (required when SUBSTANTIATED) and
     * staff, and optionally a corrected complaint category.
     */
    public record Investigate(Integer version, @Size(max = 4000) String findings, @Size(max = 40) String rootCause,
                              Responsibility responsibility, @Size(max = 32) String responsibleUnit,
                              @Size(max = 100) String responsibleStaff, @Size(max = 64) String category) {
    }

    /** approve: the reviewer approves the findings or sends them back (approve=false, with a comment). */
    public record Review(Integer version, Boolean approve, @Size(max = 2000) String comment) {
    }

    /** appeal: the responsible unit's reason; its evidence is uploaded first as APPEAL attachments. */
    public record Appeal(Integer version, @Size(max = 4000) String reason) {
    }

    /** decide-appeal: accept (removes the case from the count after appeals) or reject (with a comment). */
    public record AppealDecision(Integer version, Boolean accept, @Size(max = 2000) String comment) {
    }

    /** A new rectification action. */
    public record NewAction(Integer version, @Size(max = 2000) String description, @Size(max = 100) String owner,
                            LocalDate dueDate) {
    }

    /** complete (the owner's note) or verify (passed, with the verifier's note) of an action. */
    public record ActionStep(Integer version, Boolean passed, @Size(max = 2000) String note) {
    }

    /** close. */
    public record Close(Integer version) {
    }
}
