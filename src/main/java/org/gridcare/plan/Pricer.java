package org.gridcare.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;


import org.gridcare.billing.BasicChargeBasis;
import org.gridcare.billing.BillCalculator;
import org.gridcare.billing.Quote;
import org.gridcare.billing.QuoteRequest;
import org.gridcare.billing.Tariff;
import org.gridcare.billing.TariffSchedule;
import org.gridcare.billing.TouPeriod;
import org.gridcare.metering.QuarterHourUsage;
import org.gridcare.shared.InvalidInputException;

/**
 * Prices a customer's month on a setup through the billing engine ({@link BillCalculator.Session#quote}, one reading
 * of the tariffs per advice or evaluation): never a price
 * of its own. What it adds is the time-of-use split a TOU tariff needs: the month's quarter-hour profile from the
 * interval readings mapped onto the tariff's TOU windows (critical peak wins in its months), or — without interval
 * data — the meter's TOU registers, folded onto the tariff's periods (a register the tariff does not price goes to
 * the nearest priced period: critical peak → peak, flat → peak, valley → flat). Either way the split gives the
 * shares and the month's kWh (billing's, register differences first) is divided by them.
 */
final class Pricer {

    static final int KWH_SCALE = 4;

    private final BillCalculator.Session session;

    Pricer(BillCalculator.Session session) {
        this.session = session;
    }

    /** A tariff, the basic-charge basis on a two-part tariff (null otherwise) and the contracted capacity. */
    record Setup(String tariffCode, BasicChargeBasis basis, BigDecimal capacityKva) {
    }

    /** kWh per TOU period (every period the tariff prices, zeros included) and where the shares came from. */
    record Split(Map<TouPeriod, BigDecimal> kwh, String source) {
    }

    Optional<Tariff> tariff(String code) {
        return code == null ? Optional.empty() : session.tariff(code);
    }

    Optional<TariffSchedule> schedule(String code, YearMonth month) {
        return code == null ? Optional.empty() : session.inForce(code, month.atDay(1));
    }

    /** The split of the month's kWh for a TOU schedule; empty when neither interval data nor registers allow one. */
    Optional<Split> split(TariffSchedule schedule, UsageHistory.Month month, BigDecimal kwh) {
        Map<TouPeriod, BigDecimal> raw = new EnumMap<>(TouPeriod.class);
        String source;
        if (month.profile() != null && month.profile().total().signum() > 0) {
            List<BigDecimal> quarters = month.profile().kwh();
            for (int q = 0; q < quarters.size(); q++) {
                TouPeriod period = periodAt(schedule, month.month().getMonthValue(), QuarterHourUsage.MonthProfile.startOf(q));
                raw.merge(period, quarters.get(q), BigDecimal::add);
            }
            source = "INTERVAL";
        } else if (month.usage() != null && (month.usage().peak() != null || month.usage().flat() != null
                || month.usage().valley() != null || month.usage().criticalPeak() != null)) {
            for (TouPeriod p : TouPeriod.values()) {
                BigDecimal value = switch (p) {
                    case CRITICAL_PEAK -> month.usage().criticalPeak();
                    case PEAK -> month.usage().peak();
                    case FLAT -> month.usage().flat();
                    case VALLEY -> month.usage().valley();
                };
                if (value != null && value.signum() > 0) {
                    raw.merge(fold(schedule, month.month().getMonthValue(), p), value, BigDecimal::add);
                }
            }
            source = "REGISTER";
        } else {
            return Optional.empty();
        }
        return Optional.of(new Split(apportion(schedule, raw, kwh), source));
    }

    /** kWh in the raw split's proportions, to {@value #KWH_SCALE} decimals, the rounding remainder on the largest part. */
    static Map<TouPeriod, BigDecimal> apportion(TariffSchedule schedule, Map<TouPeriod, BigDecimal> raw, BigDecimal kwh) {
        BigDecimal sum = raw.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<TouPeriod, BigDecimal> split = new EnumMap<>(TouPeriod.class);
        for (TouPeriod p : schedule.pricedPeriods()) {
            split.put(p, BigDecimal.ZERO.setScale(KWH_SCALE));
        }
        if (sum.signum() == 0) {
            TouPeriod first = schedule.pricedPeriods().contains(TouPeriod.FLAT) ? TouPeriod.FLAT : TouPeriod.PEAK;
            split.put(first, kwh.setScale(KWH_SCALE, RoundingMode.HALF_UP));
            return split;
        }
        BigDecimal given = BigDecimal.ZERO;
        TouPeriod largest = null;
        for (Map.Entry<TouPeriod, BigDecimal> e : raw.entrySet()) {
            BigDecimal part = kwh.multiply(e.getValue()).divide(sum, KWH_SCALE, RoundingMode.HALF_UP);
            split.put(e.getKey(), part);
            given = given.add(part);
            if (largest == null || e.getValue().compareTo(raw.get(largest)) > 0) {
                largest = e.getKey();
            }
        }
        split.put(largest, split.get(largest).add(kwh.setScale(KWH_SCALE, RoundingMode.HALF_UP).subtract(given)));
        return split;
    }

    /** The priced period whose window holds that local time in that month; a critical-peak window wins. */
    static TouPeriod periodAt(TariffSchedule schedule, int month, LocalTime time) {
        TouPeriod found = null;
        for (TariffSchedule.TouWindow w : schedule.windows()) {
            boolean inMonth = w.months().isEmpty() || w.months().contains(month);
            if (inMonth && contains(w, time) && schedule.prices().containsKey(w.period().name())) {
                if (found == null || w.period() == TouPeriod.CRITICAL_PEAK) {
                    found = w.period();
                }
            }
        }
        if (found != null) {
            return found;
        }
        // a time no window covers is priced as flat where the tariff has one, else as peak
        return schedule.prices().containsKey(TouPeriod.FLAT.name()) ? TouPeriod.FLAT : TouPeriod.PEAK;
    }

    private static boolean contains(TariffSchedule.TouWindow w, LocalTime time) {
        boolean toMidnight = w.ends().equals(LocalTime.MIDNIGHT) || !w.ends().isAfter(w.starts());
        return !time.isBefore(w.starts()) && (toMidnight || time.isBefore(w.ends()));
    }

    private static TouPeriod fold(TariffSchedule schedule, int month, TouPeriod register) {
        TouPeriod p = register;
        for (int step = 0; step < 3; step++) {
            boolean priced = schedule.prices().containsKey(p.name())
                    && (p != TouPeriod.CRITICAL_PEAK || schedule.runsIn(p, month));
            if (priced) {
                return p;
            }
            p = switch (p) {
                case CRITICAL_PEAK, FLAT -> TouPeriod.PEAK;
                case PEAK -> TouPeriod.FLAT;
                case VALLEY -> TouPeriod.FLAT;
            };
        }
        return schedule.pricedPeriods().get(0);
    }

    /**
     * The billing engine's quote of one calendar month on the setup: {@code split} for a TOU tariff (null for a flat
     * one), the kWh of the year before the month for annual tiers, reactive energy and maximum demand as measured.
     * A month the engine refuses is an {@link InvalidInputException}.
     */
    Quote quote(Setup setup, YearMonth month, BigDecimal kwh, Split split, BigDecimal annualBefore,
                BigDecimal reactiveKvarh, BigDecimal maxDemandKw) {
        return quote(setup, month.atDay(1), month.atEndOfMonth(), kwh, split, annualBefore, reactiveKvarh, maxDemandKw);
    }

    Quote quote(Setup setup, LocalDate start, LocalDate end, BigDecimal kwh, Split split, BigDecimal annualBefore,
                BigDecimal reactiveKvarh, BigDecimal maxDemandKw) {
        QuoteRequest.Kwh energy = split == null ? QuoteRequest.Kwh.total(kwh)
                : QuoteRequest.Kwh.split(nullIfZero(split.kwh().get(TouPeriod.CRITICAL_PEAK)), split.kwh().get(TouPeriod.PEAK),
                split.kwh().get(TouPeriod.FLAT), split.kwh().get(TouPeriod.VALLEY));
        QuoteRequest request = new QuoteRequest(setup.tariffCode(), start, end, energy, annualBefore,
                setup.capacityKva(), maxDemandKw, setup.basis(), reactiveKvarh, null);
        return session.quote(request);
    }

    private static BigDecimal nullIfZero(BigDecimal value) {
        return value == null || value.signum() == 0 ? null : value;
    }

    /** The basis a customer on that schedule pays by, as the bills do: capacity when the archive has one. */
    static BasicChargeBasis defaultBasis(TariffSchedule schedule, BigDecimal capacityKva) {
        if (schedule == null || !schedule.twoPart()) {
            return null;
        }
        return capacityKva != null && schedule.basicCapacityPrice() != null ? BasicChargeBasis.CAPACITY
                : BasicChargeBasis.DEMAND;
    }

    /** A month priced on a setup, with the split it was priced with (null on a flat tariff). */
    record Priced(UsageHistory.Month month, Pricer.Split split, Quote quote) {
    }

    /**
     * Prices the month on the setup; {@code split} overrides the month's own split (the load-shift option).
     * Empty when the tariff is not in force, a TOU split is impossible or the engine refuses the data.
     */
    Optional<Priced> price(Pricer.Setup setup, UsageHistory.Month m, BigDecimal kwh, Pricer.Split split,
                           BigDecimal reactive, BigDecimal demand) {
        if (!m.hasData()) {
            return Optional.empty();
        }
        TariffSchedule schedule = schedule(setup.tariffCode(), m.month()).orElse(null);
        if (schedule == null) {
            return Optional.empty();
        }
        Pricer.Split used = split;
        if (used == null && schedule.pricing() == TariffSchedule.Pricing.TOU) {
            used = split(schedule, m, kwh).orElse(null);
            if (used == null) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(new Priced(m, used, quote(setup, m.month(), kwh, used, m.kwhEarlierInYear(),
                    reactive, demand)));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }
}
