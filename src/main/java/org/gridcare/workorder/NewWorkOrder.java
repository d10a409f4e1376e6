package org.gridcare.workorder;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** 受理: what an agent records when taking a call (the JSON names of {@code POST /api/v1/work-orders}). */
public record NewWorkOrder(@NotNull WorkOrderType type, SubType subType, @NotBlank @Size(max = 64) String category,
                           @NotNull Channel channel, Priority priority, @Size(max = 13) String customerNumber,
                           @NotBlank @Size(max = 50) String callerName, @NotBlank @Size(max = 30) String callerPhone,
                           @Size(max = 200) String address, @NotBlank @Size(max = 4000) String description,
                           Boolean sensitive, Boolean media, Boolean escalationRisk) {
}
