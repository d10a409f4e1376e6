package org.gridcare.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.gridcare.billing.BillCalculator.MC;
import static org.gridcare.billing.BillCalculator.money;
import static org.gridcare.billing.BillCalculator.plain;

/** The arithmetic of one quote on one tariff version, after the input was checked. */
final class Pricing {

    private final TariffSchedule schedule;
    private final Tariff tariff;
    private final LineLabels.Bound labels;
    private final List<QuoteLine> lines = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Pricing(TariffSchedule schedule, Tariff tariff, LineLabels.Bound labels) {
        this.schedule = schedule;
        this.tariff = tariff;
        this.labels = labels;
    }

    Quote price(QuoteRequest r, BillCalculator.Energy energy, BasicChargeBasis basis, BigDecimal basicQuantity,
                BigDecimal standard, PowerFactorTable table) {
        BigDecimal before = schedule.tierBasis() == TariffSchedule.TierBasis.ANNUAL && r.annualKwhBefore() != null
                ? r.annualKwhBefore() : BigDecimal.ZERO;
        List<TierSplit.Part> parts = schedule.tiered()
                ? TierSplit.split(schedule.tiers(), before, energy.total()) : List.of();

        // energy charge, kept at full precision for the power-factor base
        BigDecimal energyExact = BigDecimal.ZERO;
        BigDecimal tierExtraExact = BigDecimal.ZERO;
        if (schedule.pricing() == TariffSchedule.Pricing.FLAT) {
            BigDecimal base = schedule.prices().get("ALL");
            if (parts.isEmpty()) {
                energyExact = add(LineKind.ENERGY, null, "ALL", null, null, energy.total(), "kWh", base);
            } else {
                for (TierSplit.Part part : parts) {
                    energyExact = energyExact.add(add(LineKind.ENERGY, part.tier(), "ALL", null, null, part.kwh(), "kWh",
                            base.add(part.increment())));
                    tierExtraExact = tierExtraExact.add(part.kwh().multiply(part.increment()));
                }
            }
        } else {
            for (Map.Entry<TouPeriod, BigDecimal> period : energy.periods().entrySet()) {
                if (period.getKey() == TouPeriod.CRITICAL_PEAK && period.getValue().signum() == 0
                        && r.kwh().criticalPeak() == null) {
                    continue;
                }
                energyExact = energyExact.add(add(LineKind.ENERGY, null, period.getKey().name(), null, null,
                        period.getValue(), "kWh", schedule.prices().get(period.getKey().name())));
            }
            for (TierSplit.Part part : parts) {
                if (part.increment().signum() > 0 && part.kwh().signum() > 0) {
                    BigDecimal extra = add(LineKind.TIER_INCREMENT, part.tier(), null, null, null, part.kwh(), "kWh",
                            part.increment());
                    energyExact = energyExact.add(extra);
                    tierExtraExact = tierExtraExact.add(extra);
                }
            }
        }

        BigDecimal basicExact = BigDecimal.ZERO;
        if (basis != null) {
            BigDecimal months = months(r.periodStart(), r.periodEnd());
            BigDecimal price = schedule.basicPrice(basis);
            basicExact = basicQuantity.multiply(months).multiply(price);
            lines.add(line(LineKind.BASIC_CHARGE, null, null, basis, null,
                    plain(basicQuantity.multiply(months).setScale(4, java.math.RoundingMode.HALF_UP)),
                    basis == BasicChargeBasis.CAPACITY ? "kVA·month" : "kW·month", plain(price), null, money(basicExact)));
        }

        BigDecimal powerFactor = null;
        BigDecimal percent = null;
        BigDecimal pfAdjustment = null;
        if (standard == null) {
            if (r.reactiveKvarh() != null) {
                note("billing.note.noStandard", schedule.code());
            }
        } else if (r.reactiveKvarh() == null) {
            note("billing.note.noReactive", standard.toPlainString());
        } else if (energy.total().signum() == 0) {
            note("billing.note.noEnergy");
        } else {
            powerFactor = PowerFactorTable.powerFactor(energy.total(), r.reactiveKvarh());
            PowerFactorTable.Adjustment adjustment = table.lookup(standard, powerFactor).orElseThrow();
            percent = adjustment.percent();
            if (adjustment.belowTable()) {
                note("billing.note.belowTable", powerFactor.toPlainString());
            }
            BigDecimal base = energyExact.add(basicExact);
            pfAdjustment = money(base.multiply(percent).divide(BigDecimal.valueOf(100), MC));
            lines.add(line(LineKind.POWER_FACTOR, null, null, null, powerFactor.toPlainString(), money(base), "CNY",
                    null, percent, pfAdjustment));
        }

        BigDecimal surcharges = BigDecimal.ZERO;
        for (TariffSchedule.Surcharge s : schedule.surcharges()) {
            add(LineKind.SURCHARGE, null, null, null, s.code(), energy.total(), "kWh", s.pricePerKwh());
            surcharges = surcharges.add(lines.get(lines.size() - 1).amount());
        }

        BigDecimal total = lines.stream().map(QuoteLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal energyCharge = lines.stream()
                .filter(l -> l.kind() == LineKind.ENERGY || l.kind() == LineKind.TIER_INCREMENT)
                .map(QuoteLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Quote(schedule.code(), labels.messages() == null ? null : tariff.name(labels.locale()), tariff.example(), schedule.effectiveFrom(),
                r.periodStart(), r.periodEnd(), (int) ChronoUnit.DAYS.between(r.periodStart(), r.periodEnd()) + 1,
                plain(energy.total()), lines, money(energyCharge), money(tierExtraExact), money(basicExact), powerFactor,
                standard == null ? null : standard.setScale(2), percent, pfAdjustment, money(surcharges), money(total),
                notes);
    }

    private void note(String code, Object... args) {
        String text = labels.message(code, args);
        if (text != null) {
            notes.add(text);
        }
    }

    /** Adds quantity × price as a line; returns the unrounded amount. */
    private BigDecimal add(LineKind kind, Integer tier, String period, BasicChargeBasis basis, String code,
                           BigDecimal quantity, String unit, BigDecimal price) {
        BigDecimal exact = quantity.multiply(price);
        lines.add(line(kind, tier, period, basis, code, plain(quantity), unit, plain(price), null, money(exact)));
        return exact;
    }

    private QuoteLine line(LineKind kind, Integer tier, String period, BasicChargeBasis basis, String code,
                           BigDecimal quantity, String unit, BigDecimal price, BigDecimal percent, BigDecimal amount) {
        String label = labels.label(kind, tier, period, basis, code, schedule.surcharges());
        return new QuoteLine(kind, tier, period, basis, code, label, quantity, unit, price, percent, amount);
    }

    /**
     * The months of basic charge in [start, end]: each calendar month counts the share of its days that lie
     * in the period, so a whole month is exactly 1 and a half of April is 15/30.
     */
    static BigDecimal months(LocalDate start, LocalDate end) {
        BigDecimal months = BigDecimal.ZERO;
        YearMonth month = YearMonth.from(start);
        while (!month.atDay(1).isAfter(end)) {
            LocalDate from = start.isAfter(month.atDay(1)) ? start : month.atDay(1);
            LocalDate to = end.isBefore(month.atEndOfMonth()) ? end : month.atEndOfMonth();
            long days = ChronoUnit.DAYS.between(from, to) + 1;
            months = days == month.lengthOfMonth() ? months.add(BigDecimal.ONE)
                    : months.add(BigDecimal.valueOf(days).divide(BigDecimal.valueOf(month.lengthOfMonth()), MC));
            month = month.plusMonths(1);
        }
        return months;
    }
}
