package org.gridcare.billing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.InvalidInputException.Violation;
import org.springframework.stereotype.Service;

/**
 * Prices a period on a tariff: energy by tier and TOU period, the basic charge of a two-part tariff, the
 * power-factor adjustment and surcharges, each line rounded half-up to 0.01 元 from full-precision
 * arithmetic; the total is the sum of the rounded lines. Stateless: {@link #quote} reads the tariffs and
 * writes nothing. Bad input is an {@link InvalidInputException} naming the field.
 */
@Service
public class BillCalculator {

    static final MathContext MC = MathContext.DECIMAL128;
    static final Set<BigDecimal> STANDARDS = Set.of(new BigDecimal("0.90"), new BigDecimal("0.85"), new BigDecimal("0.80"));
    /** The longest quoted period: a year (leap years included). */
    static final int MAX_DAYS = 366;

    private final Tariffs tariffs;
    private final LineLabels labels;

    BillCalculator(Tariffs tariffs, LineLabels labels) {
        this.tariffs = tariffs;
        this.labels = labels;
    }

    /** Prices the request on the tariff version in force at its start; lines and notes in the caller's language. */
    public Quote quote(QuoteRequest request) {
        return price(request, tariffs.book(), labels.current());
    }

    /** The same in a given language (for pages and bills rendered outside a request). */
    public Quote quote(QuoteRequest request, Locale locale) {
        return price(request, tariffs.book(), labels.of(locale));
    }

    /**
     * One reading of the tariffs and the power-factor table for pricing many periods (the service plans price twelve
     * months on several setups): the same quotes as {@link #quote}, without reading the tariffs for each.
     */
    public Session session(Locale locale) {
        return new Session(tariffs.book(), labels.of(locale));
    }

    /** Tariffs read once; {@link #quote} is {@link BillCalculator#quote} on them. Not for long-lived use. */
    public static final class Session {

        private final TariffBook book;
        private final LineLabels.Bound labels;

        private Session(TariffBook book, LineLabels.Bound labels) {
            this.book = book;
            this.labels = labels;
        }

        public Quote quote(QuoteRequest request) {
            return price(request, book, labels);
        }

        public java.util.Optional<Tariff> tariff(String code) {
            return book.tariff(code);
        }

        /** The version of the tariff in force on that day. */
        public java.util.Optional<TariffSchedule> inForce(String code, LocalDate day) {
            return tariff(code).flatMap(t -> t.inForceOn(day));
        }
    }

    static Quote price(QuoteRequest r, TariffBook book, LineLabels.Bound labels) {
        List<Violation> problems = new ArrayList<>();
        String code = r.tariffCode() == null ? "" : r.tariffCode().strip();
        if (code.isEmpty()) {
            problems.add(new Violation("tariffCode", "billing.validation.required"));
        }
        if (r.periodStart() == null) {
            problems.add(new Violation("periodStart", "billing.validation.required"));
        }
        if (r.periodEnd() == null) {
            problems.add(new Violation("periodEnd", "billing.validation.required"));
        }
        if (r.periodStart() != null && r.periodEnd() != null) {
            if (r.periodEnd().isBefore(r.periodStart())) {
                problems.add(new Violation("periodEnd", "billing.validation.endBeforeStart"));
            } else if (ChronoUnit.DAYS.between(r.periodStart(), r.periodEnd()) >= MAX_DAYS) {
                problems.add(new Violation("periodEnd", "billing.validation.periodTooLong", MAX_DAYS));
            }
        }
        if (r.kwh() == null) {
            problems.add(new Violation("kwh", "billing.validation.required"));
        } else {
            notNegative(problems, "kwh.total", r.kwh().total());
            for (TouPeriod p : TouPeriod.values()) {
                notNegative(problems, "kwh." + field(p), r.kwh().of(p));
            }
        }
        notNegative(problems, "annualKwhBefore", r.annualKwhBefore());
        notNegative(problems, "capacityKva", r.capacityKva());
        notNegative(problems, "maxDemandKw", r.maxDemandKw());
        notNegative(problems, "reactiveKvarh", r.reactiveKvarh());
        if (r.pfStandard() != null && STANDARDS.stream().noneMatch(s -> s.compareTo(r.pfStandard()) == 0)) {
            problems.add(new Violation("pfStandard", "billing.validation.pfStandard", r.pfStandard().toPlainString()));
        }
        Tariff tariff = null;
        if (!code.isEmpty()) {
            tariff = book.tariff(code).orElse(null);
            if (tariff == null) {
                problems.add(new Violation("tariffCode", "billing.validation.unknownTariff", code));
            }
        }
        throwIfAny(problems);

        TariffSchedule schedule = tariff.inForceOn(r.periodStart()).orElseThrow(() -> InvalidInputException.of(
                "periodStart", "billing.validation.notInForce", code, r.periodStart()));
        tariff.nextChangeAfter(r.periodStart()).filter(change -> !change.isAfter(r.periodEnd())).ifPresent(change -> {
            throw InvalidInputException.of("periodEnd", "billing.validation.tariffChanges", code, change);
        });
        if (schedule.tierBasis() == TariffSchedule.TierBasis.ANNUAL && r.periodStart().getYear() != r.periodEnd().getYear()) {
            throw InvalidInputException.of("periodEnd", "billing.validation.acrossYears");
        }
        if (schedule.tierBasis() == TariffSchedule.TierBasis.MONTHLY
                && !YearMonth.from(r.periodStart()).equals(YearMonth.from(r.periodEnd()))) {
            throw InvalidInputException.of("periodEnd", "billing.validation.acrossMonths");
        }
        Energy energy = energy(r, schedule);
        BasicChargeBasis basis = null;
        BigDecimal basicQuantity = null;
        if (schedule.twoPart()) {
            basis = r.basicChargeBasis() != null ? r.basicChargeBasis()
                    : schedule.basicCapacityPrice() != null ? BasicChargeBasis.CAPACITY : BasicChargeBasis.DEMAND;
            if (schedule.basicPrice(basis) == null) {
                throw InvalidInputException.of("basicChargeBasis", "billing.validation.basisNotInTariff", basis, code);
            }
            basicQuantity = basis == BasicChargeBasis.CAPACITY ? r.capacityKva() : r.maxDemandKw();
            if (basicQuantity == null) {
                throw InvalidInputException.of(basis == BasicChargeBasis.CAPACITY ? "capacityKva" : "maxDemandKw",
                        "billing.validation.requiredForBasis", basis);
            }
        }
        BigDecimal standard = r.pfStandard() != null ? r.pfStandard() : schedule.pfStandard();
        if (standard != null && !book.powerFactors().knows(standard)) {
            throw InvalidInputException.of("pfStandard", "billing.validation.pfStandard", standard.toPlainString());
        }

        return new Pricing(schedule, tariff, labels).price(r, energy, basis, basicQuantity, standard, book.powerFactors());
    }

    /** The validated kWh of the period: the total and, on a TOU tariff, each priced period's share. */
    record Energy(BigDecimal total, Map<TouPeriod, BigDecimal> periods) {
    }

    static Energy energy(QuoteRequest r, TariffSchedule schedule) {
        QuoteRequest.Kwh kwh = r.kwh();
        BigDecimal splitSum = BigDecimal.ZERO;
        for (TouPeriod p : TouPeriod.values()) {
            if (kwh.of(p) != null) {
                splitSum = splitSum.add(kwh.of(p));
            }
        }
        if (kwh.total() != null && kwh.hasSplit() && kwh.total().compareTo(splitSum) != 0) {
            throw InvalidInputException.of("kwh.total", "billing.validation.totalMismatch",
                    kwh.total().toPlainString(), splitSum.toPlainString());
        }
        if (schedule.pricing() == TariffSchedule.Pricing.FLAT) {
            if (kwh.total() == null && !kwh.hasSplit()) {
                throw InvalidInputException.of("kwh.total", "billing.validation.required");
            }
            return new Energy(kwh.total() != null ? kwh.total() : splitSum, Map.of());
        }
        List<TouPeriod> priced = schedule.pricedPeriods();
        if (!kwh.hasSplit()) {
            throw InvalidInputException.of("kwh", "billing.validation.touSplitRequired", schedule.code(),
                    priced.stream().map(BillCalculator::field).collect(Collectors.joining(", ")));
        }
        List<Violation> problems = new ArrayList<>();
        Map<TouPeriod, BigDecimal> periods = new EnumMap<>(TouPeriod.class);
        for (TouPeriod p : TouPeriod.values()) {
            BigDecimal value = kwh.of(p);
            if (!priced.contains(p)) {
                if (value != null && value.signum() > 0) {
                    problems.add(new Violation("kwh." + field(p), "billing.validation.periodNotInTariff", schedule.code()));
                }
            } else if (value == null && p != TouPeriod.CRITICAL_PEAK) {
                problems.add(new Violation("kwh." + field(p), "billing.validation.requiredForTou", schedule.code()));
            } else {
                periods.put(p, value == null ? BigDecimal.ZERO : value);
            }
        }
        BigDecimal criticalPeak = periods.get(TouPeriod.CRITICAL_PEAK);
        if (criticalPeak != null && criticalPeak.signum() > 0 && r.periodStart() != null
                && r.periodStart().datesUntil(r.periodEnd().plusDays(1)).map(LocalDate::getMonthValue).distinct()
                .noneMatch(m -> schedule.runsIn(TouPeriod.CRITICAL_PEAK, m))) {
            problems.add(new Violation("kwh.criticalPeak", "billing.validation.noCriticalPeak", schedule.code()));
        }
        throwIfAny(problems);
        return new Energy(splitSum, periods);
    }

    static String field(TouPeriod p) {
        return switch (p) {
            case CRITICAL_PEAK -> "criticalPeak";
            case PEAK -> "peak";
            case FLAT -> "flat";
            case VALLEY -> "valley";
        };
    }

    private static void notNegative(List<Violation> problems, String field, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            problems.add(new Violation(field, "billing.validation.negative"));
        }
    }

    private static void throwIfAny(List<Violation> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** At most six decimals, no trailing zeros, never an exponent. */
    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.setScale(Math.min(Math.max(value.scale(), 0), 6), RoundingMode.HALF_UP).stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
