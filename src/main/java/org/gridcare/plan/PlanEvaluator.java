package org.gridcare.plan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.gridcare.audit.AuditTrail;
import org.gridcare.billing.BillCalculator;
import org.gridcare.billing.TariffSchedule;
import org.gridcare.customer.BillingAccount;
import org.gridcare.customer.BillingAccounts;
import org.gridcare.organisation.DataScope;
import org.gridcare.shared.BusinessTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates carried-out plans whose period has passed (a scheduled job on the injected clock; idempotent: a plan
 * is evaluated once, in the transaction that locks it with {@code skip locked}, so several instances may run it).
 *
 * <p>For each of the {@code evaluationMonths} full months from the month the plan's contract change took effect (the
 * month after its application order was archived; for a plan without a contract change, the month after it was
 * carried out), and the same
 * calendar month a year before: <b>cost after</b> = the month as measured, priced by the billing engine on the setup
 * after (the plan's tariff and basis); <b>counterfactual</b> = the month's kWh as the customer would have used them
 * without the plan — the year-before month's TOU shares, reactive energy per kWh and maximum demand — priced on the
 * setup before; <b>cost before</b> = the year-before month as measured on the setup before. The realised saving is
 * counterfactual − cost after, summed over the months after that have readings; it does not count a change in
 * consumption as a saving. Both periods are priced by the tariff versions in force in their months. A plan whose
 * application order was not completed by the due date is evaluated NOT_COMPLETED, without numbers.
 */
@Component
class PlanEvaluator {

    private static final Logger log = LoggerFactory.getLogger(PlanEvaluator.class);
    private static final int BATCH = 200;

    private final ServicePlanRepository plans;
    private final BillingAccounts accounts;
    private final UsageHistory history;
    private final BillCalculator calculator;
    private final AuditTrail audit;
    private final PlanProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PlanEvaluator(ServicePlanRepository plans, BillingAccounts accounts, UsageHistory history, BillCalculator calculator, AuditTrail audit,
                  PlanProperties properties, TransactionTemplate transactions, Clock clock) {
        this.plans = plans;
        this.accounts = accounts;
        this.history = history;
        this.calculator = calculator;
        this.audit = audit;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${gridcare.plan.scan-interval:1h}", initialDelayString = "${gridcare.plan.scan-interval:1h}")
    void scheduledRun() {
        if (!properties.schedulerEnabled()) {
            return;
        }
        try {
            evaluateDue(Instant.now(clock));
        } catch (RuntimeException e) {
            log.error("Plan evaluation failed; the next run will retry", e);
        }
    }

    /** Evaluates every plan due at {@code now}, one transaction each; returns how many were evaluated. */
    int evaluateDue(Instant now) {
        int done = 0;
        while (done < BATCH) {
            Boolean evaluated = transactions.execute(status -> {
                List<Long> due = plans.lockDue(now, 1);
                if (due.isEmpty()) {
                    return false;
                }
                evaluate(due.get(0), now);
                return true;
            });
            if (!Boolean.TRUE.equals(evaluated)) {
                break;
            }
            done++;
        }
        return done;
    }

    private void evaluate(long id, Instant now) {
        ServicePlanRepository.Row plan = plans.lock(id).orElseThrow();
        YearMonth executedIn = YearMonth.from(LocalDate.ofInstant(plan.executedAt(), BusinessTime.ZONE));
        // from the month the contract change took effect; a plan without one from the month after it was carried out
        YearMonth afterFrom = plan.effectiveFrom() != null ? plan.effectiveFrom() : executedIn.plusMonths(1);
        YearMonth afterTo = afterFrom.plusMonths(plan.evaluationMonths() - 1L);
        if (plan.applicationOrder() != null && plan.status() != PlanStatus.IN_EFFECT) {
            // the application order was not completed by the due date: nothing changed, so nothing to measure
            PlanView.Evaluation missing = new PlanView.Evaluation("NOT_COMPLETED", afterFrom, afterTo, 0, null, null,
                    null, null, null, null, now, List.of());
            plans.evaluated(id, missing);
            audit.record("PLAN_EVALUATED", Plans.ENTITY, String.valueOf(id), "NOT_COMPLETED: application %s is %s"
                    .formatted(plan.applicationOrder(), plan.applicationStatus() == null ? "open" : plan.applicationStatus()));
            return;
        }
        Optional<BillingAccount> account = accounts.find(plan.customerNumber(), DataScope.unrestricted());
        List<PlanView.EvaluationMonth> rows = new ArrayList<>();
        if (account.isPresent()) {
            List<UsageHistory.Month> after = history.of(account.get(), afterFrom, afterTo);
            List<UsageHistory.Month> before = history.of(account.get(), afterFrom.minusYears(1), afterTo.minusYears(1));
            Pricer.Setup old = new Pricer.Setup(plan.tariffBefore(), plan.basisBefore(), plan.capacityKva());
            Pricer pricer = new Pricer(calculator.session(Locale.SIMPLIFIED_CHINESE));
            Pricer.Setup now1 = new Pricer.Setup(plan.tariffAfter(), plan.basisAfter(), plan.capacityKva());
            for (int i = 0; i < after.size(); i++) {
                month(pricer, old, now1, after.get(i), before.get(i)).ifPresent(rows::add);
            }
        }
        PlanView.Evaluation evaluation;
        if (rows.isEmpty()) {
            evaluation = new PlanView.Evaluation("NO_DATA", afterFrom, afterTo, 0, null, null, null, null, null, null,
                    now, List.of());
        } else {
            boolean allBefore = rows.stream().allMatch(r -> r.costBefore() != null);
            evaluation = new PlanView.Evaluation("REALISED", afterFrom, afterTo, rows.size(),
                    allBefore ? sum(rows.stream().map(PlanView.EvaluationMonth::kwhBefore).toList()) : null,
                    allBefore ? sum(rows.stream().map(PlanView.EvaluationMonth::costBefore).toList()) : null,
                    sum(rows.stream().map(PlanView.EvaluationMonth::kwhAfter).toList()),
                    sum(rows.stream().map(PlanView.EvaluationMonth::costAfter).toList()),
                    sum(rows.stream().map(PlanView.EvaluationMonth::counterfactual).toList()),
                    sum(rows.stream().map(PlanView.EvaluationMonth::saving).toList()), now, rows);
        }
        plans.evaluated(id, evaluation);
        audit.record("PLAN_EVALUATED", Plans.ENTITY, String.valueOf(id), "%s %s–%s: %d months, realised %s 元".formatted(
                evaluation.outcome(), afterFrom, afterTo, evaluation.months(),
                evaluation.realisedSaving() == null ? "—" : evaluation.realisedSaving().toPlainString()));
    }

    private Optional<PlanView.EvaluationMonth> month(Pricer pricer, Pricer.Setup old, Pricer.Setup current, UsageHistory.Month after,
                                                     UsageHistory.Month before) {
        if (!after.hasData()) {
            return Optional.empty();
        }
        Optional<Pricer.Priced> actual = pricer.price(current, after, after.kwh(), null, after.reactiveKvarh(),
                after.maxDemandKw());
        if (actual.isEmpty()) {
            return Optional.empty();
        }
        // the month after as it would have been without the plan: the year-before month's habits, the old setup
        TariffSchedule oldSchedule = pricer.schedule(old.tariffCode(), after.month()).orElse(null);
        if (oldSchedule == null) {
            return Optional.empty();
        }
        Pricer.Split split = null;
        if (oldSchedule.pricing() == TariffSchedule.Pricing.TOU) {
            Optional<Pricer.Split> habit = before.hasData() ? pricer.split(oldSchedule, before, before.kwh()) : Optional.empty();
            split = habit.map(h -> new Pricer.Split(Pricer.apportion(oldSchedule, h.kwh(), after.kwh()), h.source()))
                    .or(() -> pricer.split(oldSchedule, after, after.kwh())).orElse(null);
            if (split == null) {
                return Optional.empty();
            }
        }
        BigDecimal reactive = before.hasData() && before.reactiveKvarh() != null && before.kwh().signum() > 0
                ? after.kwh().multiply(before.reactiveKvarh()).divide(before.kwh(), Pricer.KWH_SCALE, java.math.RoundingMode.HALF_UP)
                : after.reactiveKvarh();
        BigDecimal demand = before.hasData() && before.maxDemandKw() != null ? before.maxDemandKw() : after.maxDemandKw();
        Optional<Pricer.Priced> counterfactual = pricer.price(old, after, after.kwh(), split, reactive, demand);
        if (counterfactual.isEmpty()) {
            return Optional.empty();
        }
        Optional<Pricer.Priced> earlier = pricer.price(old, before, before.kwh(), null, before.reactiveKvarh(),
                before.maxDemandKw());
        BigDecimal costAfter = actual.get().quote().total();
        BigDecimal cf = counterfactual.get().quote().total();
        return Optional.of(new PlanView.EvaluationMonth(after.month(), earlier.map(p -> before.kwh()).orElse(null),
                earlier.map(p -> p.quote().total()).orElse(null), after.kwh(), costAfter, cf, cf.subtract(costAfter)));
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
