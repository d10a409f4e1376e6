package org.gridcare.incentive;

import java.math.BigDecimal;
import java.time.Instant;

/** The points and amount (元; negative = penalty) a cause carries, and whether GridCare proposes it by itself. */
public record IncentiveRule(CauseType causeType, int points, BigDecimal amount, boolean autoPropose,
                            String description, String descriptionEn, String updatedBy, Instant updatedAt,
                            int version) {

    public String label(java.util.Locale locale) {
        return "zh".equals(locale.getLanguage()) ? description : descriptionEn;
    }
}
