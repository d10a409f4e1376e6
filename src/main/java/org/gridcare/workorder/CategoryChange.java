package org.gridcare.workorder;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A category's new place and names: {@code parentCode} empty or null moves it to the top of its type's tree;
 * {@code sortOrder} null keeps the current one. The code and the type never change — orders refer to the code.
 */
public record CategoryChange(@Size(max = 64) String parentCode, @NotBlank @Size(max = 100) String name,
                             @NotBlank @Size(max = 100) String nameEn, Integer sortOrder) {
}
