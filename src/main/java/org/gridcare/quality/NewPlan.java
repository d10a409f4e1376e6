package org.gridcare.quality;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A monthly inspection plan: the month ({@code 2025-03}), the unit whose subtree's closed orders are sampled, the
 * share drawn per staff member (percent; default gridcare.quality.sample-percent), the minimum per staff member,
 * the seed (random when absent; the same seed draws the same sample), how inspections are assigned and whether
 * inspectors are kept off their own unit's orders; complaints, dissatisfied visits and breaches are targeted
 * unless switched off.
 */
@Schema(name = "InspectionPlanRequest") // the training and service plan modules have a NewPlan too
public record NewPlan(String month, String unitCode, BigDecimal samplePercent, Integer minPerStaff, Long seed,
                      AssignmentMode assignment, Boolean excludeOwnUnit, Boolean targetComplaints,
                      Boolean targetDissatisfied, Boolean targetBreaches) {
}
