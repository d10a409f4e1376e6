package org.gridcare.quality;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An inspection plan: its settings and counts ({@code population}: closed orders of the month not inspected
 * before; {@code sampled}: drawn at random; {@code targeted}: taken for a complaint, dissatisfied visit or breach;
 * {@code unassigned}: no eligible inspector). {@code picks} is filled by a preview, which writes nothing.
 */
@Schema(name = "InspectionPlan") // the service plan module has a type of the same name
public record PlanView(Long id, String month, String unitCode, BigDecimal samplePercent, int minPerStaff, long seed,
                       AssignmentMode assignment, boolean excludeOwnUnit, boolean targetComplaints,
                       boolean targetDissatisfied, boolean targetBreaches, int population, int sampled, int targeted,
                       int unassigned, String createdBy, Instant createdAt, List<Pick> picks) {

    /** One sampled order, why, whose work it is and who inspects it (null: nobody eligible). */
    public record Pick(String orderNumber, String orderType, String staff, List<String> reasons, String inspector) {
    }
}
