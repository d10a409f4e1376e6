package org.gridcare.analytics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridcare.console.HomeWidget;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.DomainException;
import org.gridcare.shared.security.Actor;
import org.springframework.stereotype.Component;

/**
 * The home page card with this month's KPIs: administrators, managers and supervisors see their units'
 * figures, everyone else their own numbers (the engine narrows their scope).
 */
@Component
class KpiWidget implements HomeWidget {

    static final List<String> SHOWN = List.of("ORDERS_RECEIVED", "RESPONSE_24H", "ON_TIME", "SATISFACTION",
            "FIRST_CONTACT_RESOLUTION", "OVERDUE");

    private final Kpis kpis;
    private final Clock clock;

    KpiWidget(Kpis kpis, Clock clock) {
        this.kpis = kpis;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public Optional<Card> cardFor(Actor actor) {
        YearMonth month = YearMonth.from(LocalDate.ofInstant(Instant.now(clock), BusinessTime.ZONE));
        KpiReport report;
        try {
            report = kpis.report(KpiQuery.period(month.atDay(1), month.atEndOfMonth()), actor);
        } catch (DomainException e) {
            return Optional.empty();   // a user without a unit has no figures
        }
        KpiReport shown = new KpiReport(report.from(), report.to(), report.unit(), report.unitName(), null,
                report.kpis().stream().filter(k -> SHOWN.contains(k.name())).toList(), null);
        boolean own = Kpis.UNIT_ROLES.stream().noneMatch(actor::hasRole);
        return Optional.of(new Card(own ? "kpi.widget.own" : "kpi.widget.title", "analytics/widgets", "kpis",
                Map.of("report", shown, "own", own)));
    }
}
