package org.gridcare.quality;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridcare.workorder.WorkOrderType;

/**
 * The content of a rubric version (质检标准): the order type it is for, a title, and its weighted items. The
 * standards module publishes one from a standard's clauses through {@link Rubrics#publish}.
 */
public record NewRubricVersion(@NotNull WorkOrderType orderType, @NotBlank @Size(max = 200) String title,
                               @Size(max = 2000) String note,
                               @NotEmpty @Size(max = 50) List<@Valid @NotNull Item> items) {

    /**
     * One checklist item: a code unique in the version ({@code [A-Z0-9_]}), its name (中文) and optional English
     * name, its weight in points (&gt; 0) and what failing it is.
     */
    public record Item(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 200) String name,
                       @Size(max = 200) String nameEn, @Size(max = 1000) String description,
                       @NotNull BigDecimal points, @NotNull FindingSeverity severity) {
    }
}
