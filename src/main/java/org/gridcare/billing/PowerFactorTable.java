package org.gridcare.billing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * The power-factor adjustment table (功率因数调整电费表) as stored: for a standard and a monthly power factor
 * (two decimals), the percent of basic + energy charge added (positive) or taken off (negative). A power factor
 * below the table's lowest row takes that row's percent.
 */
record PowerFactorTable(Map<BigDecimal, NavigableMap<BigDecimal, BigDecimal>> rows) {

    /** The percent for a power factor, and whether it lay below the table (the lowest row was used). */
    record Adjustment(BigDecimal powerFactor, BigDecimal percent, boolean belowTable) {
    }

    boolean knows(BigDecimal standard) {
        return rows.containsKey(standard.setScale(2, RoundingMode.HALF_UP));
    }

    Optional<Adjustment> lookup(BigDecimal standard, BigDecimal powerFactor) {
        NavigableMap<BigDecimal, BigDecimal> column = rows.get(standard.setScale(2, RoundingMode.HALF_UP));
        if (column == null || column.isEmpty()) {
            return Optional.empty();
        }
        if (powerFactor.compareTo(column.firstKey()) < 0) {
            return Optional.of(new Adjustment(powerFactor, column.firstEntry().getValue(), true));
        }
        Map.Entry<BigDecimal, BigDecimal> row = column.floorEntry(powerFactor);
        return Optional.of(new Adjustment(powerFactor, row.getValue(), false));
    }

    /** Monthly power factor = kWh / √(kWh² + kvarh²), rounded half-up to two decimals; null without active energy. */
    static BigDecimal powerFactor(BigDecimal kwh, BigDecimal kvarh) {
        if (kwh.signum() == 0) {
            return null;
        }
        MathContext mc = MathContext.DECIMAL128;
        BigDecimal apparent = kwh.multiply(kwh).add(kvarh.multiply(kvarh)).sqrt(mc);
        return kwh.divide(apparent, mc).setScale(2, RoundingMode.HALF_UP);
    }
}
