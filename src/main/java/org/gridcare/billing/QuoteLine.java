package org.gridcare.billing;

import java.math.BigDecimal;

/**
 * One line of a quote or bill: {@code quantity} (kWh, kVA·month, kW·month or, for POWER_FACTOR, the 元 of
 * basic + energy charge it applies to) × {@code unitPrice} (or × {@code percent} / 100) = {@code amount},
 * rounded half-up to 0.01 元. {@code tier} (1…) for tiered energy, {@code period} a {@link TouPeriod} name or
 * ALL, {@code basis} for the basic charge, {@code code} for a surcharge. {@code label} is in the reader's
 * language.
 */
public record QuoteLine(LineKind kind, Integer tier, String period, BasicChargeBasis basis, String code, String label,
                        BigDecimal quantity, String unit, BigDecimal unitPrice, BigDecimal percent, BigDecimal amount) {
}
