package org.gridcare.performance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridcare.analytics.KpiQuery;
import org.gridcare.analytics.KpiReport;
import org.gridcare.analytics.KpiValue;
import org.gridcare.analytics.Kpis;
import org.gridcare.complaint.Complaints;
import org.gridcare.complaint.StaffComplaint;
import org.gridcare.incentive.CauseType;
import org.gridcare.incentive.Incentives;
import org.gridcare.incentive.Ledger;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.security.Actor;
import org.gridcare.shared.security.SystemActor;
import org.springframework.stereotype.Component;

/**
 * Gathers the month's figures of every member from the other modules' APIs, never their tables: the KPI engine
 * split by staff (volume = ORDERS_RECEIVED, on-time rate, satisfaction, mean quality score, error rate — as the KPI
 * engine attributes orders: to the handler, else the agent who took them), the substantiated complaints counted
 * after appeals, the approved rewards-and-penalties points, the training completion, and the praise orders credited.
 */
@Component
class MonthlyFigures {

    /** The KPIs the card reads, by component. */
    static final Map<ScoreComponent, String> KPI_OF = Map.of(ScoreComponent.VOLUME, "ORDERS_RECEIVED", ScoreComponent.ON_TIME,
            "ON_TIME", ScoreComponent.SATISFACTION, "SATISFACTION", ScoreComponent.QUALITY_SCORE, "QUALITY_SCORE_MEAN",
            ScoreComponent.ERROR_RATE, "ERROR_RATE");

    private final Kpis kpis;
    private final Complaints complaints;
    private final Incentives incentives;
    private final TrainingCompletion training;
    private final OrgUnits units;

    MonthlyFigures(Kpis kpis, Complaints complaints, Incentives incentives, TrainingCompletion training,
                   OrgUnits units) {
        this.kpis = kpis;
        this.complaints = complaints;
        this.incentives = incentives;
        this.training = training;
        this.units = units;
    }

    /** The figures and the praise count of each member. */
    record Month(Map<String, Map<ScoreComponent, ScoreCalculator.Figure>> figures, Map<String, Integer> praise) {
    }

    Month of(List<Roster.Member> members, YearMonth month) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        Set<String> names = members.stream().map(Roster.Member::username).collect(Collectors.toSet());
        Map<String, Map<ScoreComponent, ScoreCalculator.Figure>> figures = new HashMap<>();
        for (String name : names) {
            Map<ScoreComponent, ScoreCalculator.Figure> f = new EnumMap<>(ScoreComponent.class);
            f.put(ScoreComponent.VOLUME, count(0));
            f.put(ScoreComponent.COMPLAINTS, count(0));
            f.put(ScoreComponent.INCENTIVE_POINTS, count(0));
            figures.put(name, f);
        }
        Actor system = SystemActor.INSTANCE;
        List<OrgUnit> roots = units.visibleTo(system).stream().filter(u -> u.parentId() == null)
                .sorted(Comparator.comparing(OrgUnit::code)).toList();
        for (OrgUnit root : roots) {
            KpiReport report = kpis.report(new KpiQuery(from, to, root.code(), null, null, null, null, "staff"),
                    KPI_OF.values(), system);
            for (KpiReport.Group group : report.groups()) {
                Map<ScoreComponent, ScoreCalculator.Figure> f = figures.get(group.key());
                if (f == null) {
                    continue;
                }
                for (Map.Entry<ScoreComponent, String> e : KPI_OF.entrySet()) {
                    group.kpis().stream().filter(k -> k.name().equals(e.getValue())).findFirst()
                            .ifPresent(k -> merge(f, e.getKey(), k));
                }
            }
        }
        for (StaffComplaint c : complaints.substantiatedOf(names, from, to)) {
            if (c.countedAfterAppeal() && figures.containsKey(c.staff())) {
                Map<ScoreComponent, ScoreCalculator.Figure> f = figures.get(c.staff());
                f.put(ScoreComponent.COMPLAINTS, count(f.get(ScoreComponent.COMPLAINTS).value().intValue() + 1));
            }
        }
        for (Ledger.Totals t : incentives.totals(names, from, to)) {
            figures.get(t.staff()).put(ScoreComponent.INCENTIVE_POINTS, count(t.points()));
        }
        training.completion(members, month).forEach((name, figure) -> {
            if (figures.containsKey(name)) {
                figures.get(name).put(ScoreComponent.TRAINING, figure);
            }
        });
        Map<String, Integer> praise = new HashMap<>();
        for (Ledger.Totals t : incentives.totalsOfCause(CauseType.PRAISE_ORDER, names, from, to)) {
            praise.put(t.staff(), t.records());
        }
        return new Month(figures, praise);
    }

    /**
     * A KPI group value into a component: ORDERS_RECEIVED is a count (always data, the groups of staff without
     * orders are simply absent: 0); the rates and means are NO_DATA without a denominator.
     */
    private static void merge(Map<ScoreComponent, ScoreCalculator.Figure> f, ScoreComponent c, KpiValue k) {
        if (c == ScoreComponent.VOLUME) {
            f.put(c, count(k.numerator() == null ? 0 : k.numerator().intValue()));
        } else if (k.denominator() != null && k.denominator().signum() > 0 && k.value() != null) {
            f.put(c, new ScoreCalculator.Figure(k.value(), k.numerator(), k.denominator()));
        }
    }

    private static ScoreCalculator.Figure count(int n) {
        return ScoreCalculator.Figure.of(BigDecimal.valueOf(n));
    }
}
