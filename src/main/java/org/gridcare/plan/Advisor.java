package org.gridcare.plan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.gridcare.billing.BasicChargeBasis;
import org.gridcare.billing.BillCalculator;
import org.gridcare.billing.Quote;
import org.gridcare.billing.Tariff;
import org.gridcare.billing.TariffSchedule;
import org.gridcare.billing.TouPeriod;
import org.gridcare.customer.BillingAccount;
import org.gridcare.customer.BillingAccounts;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.plan.Advice.MonthCalculation;
import org.gridcare.plan.Advice.Option;
import org.gridcare.plan.Advice.TierPosition;
import org.gridcare.plan.Advice.Unavailable;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.security.Actor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes a customer's savings advice from the last {@code historyMonths} full months: every month is priced on
 * the current setup and on each option's setup by the billing engine, and an option's saving is the difference of
 * the two totals summed over the months both could be priced (annualised when fewer than twelve). Applicable
 * options are all listed, advised when the saving reaches {@code minAnnualSaving}; options the tariff does not
 * allow are left out; options it allows but the data can't support are listed as unavailable with the reason.
 */
@Service
class Advisor {

    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private final BillingAccounts accounts;
    private final OrgUnits units;
    private final UsageHistory history;
    private final BillCalculator calculator;
    private final ServicePlanRepository plans;
    private final PlanProperties properties;
    private final MessageSource messages;
    private final Clock clock;

    Advisor(BillingAccounts accounts, OrgUnits units, UsageHistory history, BillCalculator calculator, ServicePlanRepository plans,
            PlanProperties properties, MessageSource messages, Clock clock) {
        this.accounts = accounts;
        this.units = units;
        this.history = history;
        this.calculator = calculator;
        this.plans = plans;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
    }

    /** The customer in the caller's scope (404 like an unknown one otherwise). */
    BillingAccount account(String number, Actor actor) {
        return accounts.find(number == null ? "" : number.strip(), units.scopeOf(actor))
                .orElseThrow(() -> new NotFoundException("Customer", number));
    }

    /** {@code share} null = the configured default; otherwise 0 &lt; share ≤ 1 or a 400 naming the field. */
    BigDecimal share(BigDecimal share) {
        if (share == null) {
            return properties.peakShiftShare();
        }
        if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw InvalidInputException.of("peakShiftShare", "plan.validation.share", share.toPlainString());
        }
        return share.stripTrailingZeros();
    }

    @Transactional(readOnly = true)
    public Advice advise(String number, BigDecimal peakShiftShare, Actor actor) {
        BigDecimal share = share(peakShiftShare);
        return advise(account(number, actor), share, Instant.now(clock), LocaleContextHolder.getLocale());
    }

    /** The months the advice at {@code now} looks at: the last {@code historyMonths} full months. */
    YearMonth[] window(Instant now) {
        YearMonth current = YearMonth.from(LocalDate.ofInstant(now, BusinessTime.ZONE));
        return new YearMonth[] {current.minusMonths(properties.historyMonths()), current.minusMonths(1)};
    }

    @Transactional(readOnly = true)
    Advice advise(BillingAccount account, BigDecimal share, Instant now, Locale locale) {
        YearMonth[] window = window(now);
        List<UsageHistory.Month> months = history.of(account, window[0], window[1]);
        int withData = (int) months.stream().filter(UsageHistory.Month::hasData).count();
        List<Option> options = new ArrayList<>();
        List<Unavailable> unavailable = new ArrayList<>();
        Pricer pricer = new Pricer(calculator.session(locale));
        String code = account.tariffCode();
        Optional<Tariff> tariff = pricer.tariff(code);
        if (code == null || code.isBlank() || tariff.isEmpty()) {
            unavailable.add(new Unavailable(null, text(locale, code == null || code.isBlank() ? "plan.unavailable.noTariff"
                    : "plan.unavailable.unknownTariff", code)));
            return new Advice(account.number(), account.name(), code, null, window[0], window[1], withData, null, share,
                    properties.minAnnualSaving(), options, unavailable);
        }
        TariffSchedule latest = pricer.schedule(code, window[1]).orElse(null);
        // the basis of the contract in force now when one was agreed, else the one the bills default to
        BasicChargeBasis basis = latest != null && latest.twoPart() && account.basis() != null
                ? BasicChargeBasis.valueOf(account.basis().name()) : Pricer.defaultBasis(latest, account.capacityKva());
        Pricer.Setup current = new Pricer.Setup(code, basis, account.capacityKva());
        if (withData == 0) {
            unavailable.add(new Unavailable(null, text(locale, "plan.unavailable.noData", window[0], window[1])));
            return new Advice(account.number(), account.name(), code, basis, window[0], window[1], 0, null, share,
                    properties.minAnnualSaving(), options, unavailable);
        }
        // the current setup's bill of every month that can be priced, shared by all options
        Map<YearMonth, Pricer.Priced> baseline = new LinkedHashMap<>();
        for (UsageHistory.Month m : months) {
            pricer.price(current, m, m.kwh(), null, m.reactiveKvarh(), m.maxDemandKw()).ifPresent(p -> baseline.put(m.month(), p));
        }
        BigDecimal currentCost = baseline.values().stream().map(p -> p.quote().total()).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (baseline.isEmpty()) {
            unavailable.add(new Unavailable(null, text(locale, "plan.unavailable.notPriced", code)));
        }

        tariffSwitch(pricer, account, current, months, baseline, locale, options, unavailable);
        basicChargeBasis(pricer, current, latest, months, baseline, locale, options, unavailable);
        powerFactor(pricer, current, latest, months, baseline, locale, options, unavailable);
        peakShift(pricer, current, latest, share, months, baseline, locale, options, unavailable);
        tierAwareness(pricer, current, latest, months, baseline, locale, options);

        options.sort(Comparator.comparing(Option::informational)
                .thenComparing(Option::annualSaving, Comparator.nullsLast(Comparator.reverseOrder())));
        return new Advice(account.number(), account.name(), code, basis, window[0], window[1], withData, currentCost,
                share, properties.minAnnualSaving(), options, unavailable);
    }

    private void tariffSwitch(Pricer pricer, BillingAccount account, Pricer.Setup current, List<UsageHistory.Month> months,
                              Map<YearMonth, Pricer.Priced> baseline, Locale locale, List<Option> options,
                              List<Unavailable> unavailable) {
        for (String target : plans.switchTargets(current.tariffCode())) {
            if (pricer.tariff(target).isEmpty()) {
                continue;
            }
            TariffSchedule targetSchedule = pricer.schedule(target, months.get(months.size() - 1).month()).orElse(null);
            Pricer.Setup proposed = new Pricer.Setup(target, Pricer.defaultBasis(targetSchedule, account.capacityKva()),
                    account.capacityKva());
            List<MonthCalculation> rows = new ArrayList<>();
            for (UsageHistory.Month m : months) {
                Pricer.Priced base = baseline.get(m.month());
                if (base == null) {
                    continue;
                }
                pricer.price(proposed, m, m.kwh(), null, m.reactiveKvarh(), m.maxDemandKw())
                        .ifPresent(p -> rows.add(row(m, base, p)));
            }
            if (rows.isEmpty()) {
                unavailable.add(new Unavailable(AdviceKind.TARIFF_SWITCH,
                        text(locale, "plan.unavailable.noSplit", target)));
                continue;
            }
            String name = pricer.tariff(target).map(t -> t.name(locale)).orElse(target);
            List<String> assumptions = new ArrayList<>();
            assumptions.add(text(locale, "plan.assume.sameConsumption"));
            assumptions.add(text(locale, "plan.assume.split", count(rows, "INTERVAL"), count(rows, "REGISTER")));
            options.add(option("TARIFF_SWITCH:" + target, AdviceKind.TARIFF_SWITCH, target, proposed.basis(), rows,
                    text(locale, "plan.option.TARIFF_SWITCH.title", name),
                    "plan.option.TARIFF_SWITCH.summary", new Object[] {current.tariffCode(), target}, assumptions, locale));
        }
    }

    private void basicChargeBasis(Pricer pricer, Pricer.Setup current, TariffSchedule schedule, List<UsageHistory.Month> months,
                                  Map<YearMonth, Pricer.Priced> baseline, Locale locale, List<Option> options,
                                  List<Unavailable> unavailable) {
        if (schedule == null || !schedule.twoPart() || schedule.basicCapacityPrice() == null
                || schedule.basicDemandPrice() == null || current.basis() == null) {
            return;
        }
        BasicChargeBasis other = current.basis() == BasicChargeBasis.CAPACITY ? BasicChargeBasis.DEMAND
                : BasicChargeBasis.CAPACITY;
        if (other == BasicChargeBasis.CAPACITY && current.capacityKva() == null) {
            unavailable.add(new Unavailable(AdviceKind.BASIC_CHARGE_BASIS, text(locale, "plan.unavailable.noCapacity")));
            return;
        }
        Pricer.Setup proposed = new Pricer.Setup(current.tariffCode(), other, current.capacityKva());
        List<MonthCalculation> rows = new ArrayList<>();
        for (UsageHistory.Month m : months) {
            Pricer.Priced base = baseline.get(m.month());
            if (base == null || m.maxDemandKw() == null) {
                continue;
            }
            pricer.price(proposed, m, m.kwh(), base.split(), m.reactiveKvarh(), m.maxDemandKw())
                    .ifPresent(p -> rows.add(row(m, base, p)));
        }
        if (rows.isEmpty()) {
            unavailable.add(new Unavailable(AdviceKind.BASIC_CHARGE_BASIS, text(locale, "plan.unavailable.noDemand")));
            return;
        }
        BigDecimal maxDemand = rows.stream().map(r -> r.current().lines().stream()
                        .filter(l -> l.basis() == BasicChargeBasis.DEMAND).map(l -> l.quantity()).findFirst()
                        .orElse(r.proposed().lines().stream().filter(l -> l.basis() == BasicChargeBasis.DEMAND)
                                .map(l -> l.quantity()).findFirst().orElse(BigDecimal.ZERO)))
                .max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
        List<String> assumptions = new ArrayList<>();
        assumptions.add(text(locale, "plan.assume.demandAsMeasured", maxDemand.toPlainString(),
                current.capacityKva() == null ? "—" : current.capacityKva().stripTrailingZeros().toPlainString()));
        assumptions.add(text(locale, "plan.assume.noDemandFloor"));
        options.add(option("BASIC_CHARGE_BASIS:" + other, AdviceKind.BASIC_CHARGE_BASIS, current.tariffCode(), other, rows,
                text(locale, "plan.option.BASIC_CHARGE_BASIS.title." + other), "plan.option.BASIC_CHARGE_BASIS.summary",
                new Object[] {text(locale, "plan.basis." + current.basis()), text(locale, "plan.basis." + other)},
                assumptions, locale));
    }

    private void powerFactor(Pricer pricer, Pricer.Setup current, TariffSchedule schedule, List<UsageHistory.Month> months,
                             Map<YearMonth, Pricer.Priced> baseline, Locale locale, List<Option> options,
                             List<Unavailable> unavailable) {
        if (schedule == null || schedule.pfStandard() == null) {
            return;
        }
        BigDecimal standard = schedule.pfStandard();
        // reactive energy at exactly the standard: kWh × √(1/PF² − 1), rounded down so the power factor reaches it
        BigDecimal factor = BigDecimal.ONE.divide(standard.multiply(standard), MathContext.DECIMAL128)
                .subtract(BigDecimal.ONE).sqrt(MathContext.DECIMAL128);
        List<MonthCalculation> rows = new ArrayList<>();
        for (UsageHistory.Month m : months) {
            Pricer.Priced base = baseline.get(m.month());
            if (base == null || m.reactiveKvarh() == null || base.quote().powerFactor() == null) {
                continue;
            }
            BigDecimal reactive = m.reactiveKvarh();
            if (base.quote().powerFactor().compareTo(standard) < 0) {
                reactive = m.kwh().multiply(factor).setScale(Pricer.KWH_SCALE, RoundingMode.DOWN);
            }
            pricer.price(current, m, m.kwh(), base.split(), reactive, m.maxDemandKw())
                    .ifPresent(p -> rows.add(row(m, base, p)));
        }
        if (rows.isEmpty()) {
            unavailable.add(new Unavailable(AdviceKind.POWER_FACTOR, text(locale, "plan.unavailable.noReactive")));
            return;
        }
        long below = rows.stream().filter(r -> r.current().powerFactor().compareTo(standard) < 0).count();
        List<String> assumptions = new ArrayList<>();
        assumptions.add(text(locale, "plan.assume.pfStandard", standard.toPlainString(), below, rows.size()));
        assumptions.add(text(locale, "plan.assume.equipmentNotCounted"));
        options.add(option("POWER_FACTOR", AdviceKind.POWER_FACTOR, current.tariffCode(), current.basis(), rows,
                text(locale, "plan.option.POWER_FACTOR.title", standard.toPlainString()),
                "plan.option.POWER_FACTOR.summary", new Object[] {standard.toPlainString()}, assumptions, locale));
    }

    private void peakShift(Pricer pricer, Pricer.Setup current, TariffSchedule schedule, BigDecimal share,
                           List<UsageHistory.Month> months, Map<YearMonth, Pricer.Priced> baseline, Locale locale,
                           List<Option> options, List<Unavailable> unavailable) {
        if (schedule == null || schedule.pricing() != TariffSchedule.Pricing.TOU
                || !schedule.prices().containsKey(TouPeriod.VALLEY.name())) {
            return;
        }
        List<MonthCalculation> rows = new ArrayList<>();
        for (UsageHistory.Month m : months) {
            Pricer.Priced base = baseline.get(m.month());
            if (base == null || base.split() == null) {
                continue;
            }
            Map<TouPeriod, BigDecimal> shifted = new EnumMap<>(base.split().kwh());
            BigDecimal moved = BigDecimal.ZERO;
            for (TouPeriod p : List.of(TouPeriod.CRITICAL_PEAK, TouPeriod.PEAK)) {
                BigDecimal kwh = shifted.get(p);
                if (kwh != null && kwh.signum() > 0) {
                    BigDecimal part = kwh.multiply(share).setScale(Pricer.KWH_SCALE, RoundingMode.HALF_UP);
                    shifted.put(p, kwh.subtract(part));
                    moved = moved.add(part);
                }
            }
            shifted.put(TouPeriod.VALLEY, shifted.get(TouPeriod.VALLEY).add(moved));
            pricer.price(current, m, m.kwh(), new Pricer.Split(shifted, base.split().source()), m.reactiveKvarh(),
                    m.maxDemandKw()).ifPresent(p -> rows.add(row(m, base, p)));
        }
        if (rows.isEmpty()) {
            unavailable.add(new Unavailable(AdviceKind.PEAK_SHIFT, text(locale, "plan.unavailable.noSplit", current.tariffCode())));
            return;
        }
        String percent = share.movePointRight(2).stripTrailingZeros().toPlainString();
        List<String> assumptions = new ArrayList<>();
        assumptions.add(text(locale, "plan.assume.shift", percent));
        assumptions.add(text(locale, "plan.assume.split", count(rows, "INTERVAL"), count(rows, "REGISTER")));
        assumptions.add(text(locale, "plan.assume.demandUnchanged"));
        options.add(option("PEAK_SHIFT", AdviceKind.PEAK_SHIFT, current.tariffCode(), current.basis(), rows,
                text(locale, "plan.option.PEAK_SHIFT.title", percent), "plan.option.PEAK_SHIFT.summary",
                new Object[] {percent}, assumptions, locale));
    }

    private void tierAwareness(Pricer pricer, Pricer.Setup current, TariffSchedule schedule, List<UsageHistory.Month> months,
                               Map<YearMonth, Pricer.Priced> baseline, Locale locale, List<Option> options) {
        if (schedule == null || schedule.tierBasis() != TariffSchedule.TierBasis.ANNUAL || !schedule.tiered()) {
            return;
        }
        UsageHistory.Month last = null;
        for (UsageHistory.Month m : months) {
            if (m.hasData()) {
                last = m;
            }
        }
        if (last == null) {
            return;
        }
        int year = last.month().getYear();
        BigDecimal ytd = last.kwhEarlierInYear().add(last.kwh());
        int withData = 0;
        BigDecimal sum = BigDecimal.ZERO;
        Map<TouPeriod, BigDecimal> periods = new EnumMap<>(TouPeriod.class);
        for (UsageHistory.Month m : months) {
            if (m.hasData()) {
                withData++;
                sum = sum.add(m.kwh());
                Pricer.Priced p = baseline.get(m.month());
                if (p != null && p.split() != null) {
                    p.split().kwh().forEach((k, v) -> periods.merge(k, v, BigDecimal::add));
                }
            }
        }
        BigDecimal projected = sum.multiply(TWELVE).divide(BigDecimal.valueOf(withData), Pricer.KWH_SCALE, RoundingMode.HALF_UP);
        TariffSchedule.Tier reached = schedule.tiers().get(0);
        TariffSchedule.Tier next = null;
        for (TariffSchedule.Tier t : schedule.tiers()) {
            if (t.aboveKwh().compareTo(ytd) < 0) {
                reached = t;
            } else if (next == null) {
                next = t;
            }
        }
        Quote year1;
        try {
            Pricer.Split split = schedule.pricing() == TariffSchedule.Pricing.TOU
                    ? new Pricer.Split(Pricer.apportion(schedule, periods, projected), "HISTORY") : null;
            year1 = pricer.quote(new Pricer.Setup(current.tariffCode(), null, null), LocalDate.of(year, 1, 1),
                    LocalDate.of(year, 12, 31), projected, split, BigDecimal.ZERO, null, null);
        } catch (InvalidInputException e) {
            return;
        }
        BigDecimal toNext = next == null ? null : next.aboveKwh().subtract(ytd);
        TierPosition position = new TierPosition(year, plain(ytd), reached.tier(), next == null ? null : plain(next.aboveKwh()),
                toNext == null ? null : plain(toNext), next == null ? null : next.increment().subtract(reached.increment()).stripTrailingZeros(),
                plain(projected), year1);
        String summary = next == null
                ? text(locale, "plan.option.TIER_AWARENESS.summaryTop", String.valueOf(year), plain(ytd).toPlainString(), reached.tier(),
                plain(projected).toPlainString(), year1.tierExtra().toPlainString())
                : text(locale, "plan.option.TIER_AWARENESS.summary", String.valueOf(year), plain(ytd).toPlainString(), reached.tier(),
                plain(toNext).toPlainString(), next.tier(), position.nextTierIncrement().toPlainString(),
                plain(projected).toPlainString(), year1.tierExtra().toPlainString());
        List<String> assumptions = List.of(text(locale, "plan.assume.projection", withData));
        options.add(new Option("TIER_AWARENESS", AdviceKind.TIER_AWARENESS, false, true, current.tariffCode(),
                current.basis(), null, null, null, withData, text(locale, "plan.option.TIER_AWARENESS.title"), summary,
                assumptions, List.of(), position));
    }

    private static MonthCalculation row(UsageHistory.Month m, Pricer.Priced base, Pricer.Priced proposed) {
        return new MonthCalculation(m.month(), plain(m.kwh()), base.split() == null
                ? (proposed.split() == null ? null : proposed.split().source()) : base.split().source(),
                base.quote(), proposed.quote(), base.quote().total().subtract(proposed.quote().total()));
    }

    private Option option(String key, AdviceKind kind, String targetTariff, BasicChargeBasis targetBasis,
                          List<MonthCalculation> rows, String title, String summaryCode, Object[] summaryArgs,
                          List<String> assumptions, Locale locale) {
        BigDecimal currentCost = rows.stream().map(r -> r.current().total()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal proposedCost = rows.stream().map(r -> r.proposed().total()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal saving = currentCost.subtract(proposedCost);
        BigDecimal annual = rows.size() >= 12 ? saving
                : saving.multiply(TWELVE).divide(BigDecimal.valueOf(rows.size()), 2, RoundingMode.HALF_UP);
        List<String> all = new ArrayList<>(assumptions);
        if (rows.size() < 12) {
            all.add(text(locale, "plan.assume.annualised", rows.size()));
        }
        boolean advised = annual.compareTo(properties.minAnnualSaving()) >= 0;
        Object[] args = new Object[summaryArgs.length + 2];
        System.arraycopy(summaryArgs, 0, args, 0, summaryArgs.length);
        args[summaryArgs.length] = annual.toPlainString();
        args[summaryArgs.length + 1] = rows.size();
        String summary = text(locale, summaryCode, args) + " "
                + text(locale, advised ? "plan.option.advised" : "plan.option.notAdvised",
                properties.minAnnualSaving().toPlainString());
        return new Option(key, kind, advised, false, targetTariff, targetBasis, annual, currentCost, proposedCost,
                rows.size(), title, summary, all, rows, null);
    }

    private static String count(List<MonthCalculation> rows, String source) {
        return String.valueOf(rows.stream().filter(r -> source.equals(r.split())).count());
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal s = value.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private String text(Locale locale, String code, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }
}
