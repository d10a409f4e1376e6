package org.gridcare.plan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridcare.console.HomeWidget;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.security.Actor;
import org.springframework.stereotype.Component;

/**
 * The home card for those who answer for their units' results: the service plans carried out this year in their
 * scope, how many have been evaluated, and the saving they were estimated to bring against what they realised.
 */
@Component
class PlanSavingsWidget implements HomeWidget {

    private final Plans plans;
    private final Clock clock;

    PlanSavingsWidget(Plans plans, Clock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public Optional<Card> cardFor(Actor actor) {
        if (!(actor.isAdmin() || actor.hasRole("MANAGER") || actor.hasRole("SUPERVISOR"))) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock.withZone(BusinessTime.ZONE));
        LocalDate from = today.withDayOfYear(1);
        List<Plans.UnitSavings> units = plans.savingsByUnit(from, today, actor);
        long executed = units.stream().mapToLong(Plans.UnitSavings::plans).sum();
        if (executed == 0) {
            return Optional.empty();
        }
        long evaluated = units.stream().mapToLong(Plans.UnitSavings::evaluated).sum();
        BigDecimal estimated = units.stream().map(Plans.UnitSavings::estimated).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal realised = units.stream().map(Plans.UnitSavings::realised).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(new Card("plan.widget.title", "plan/widgets", "savings", Map.of("year", String.valueOf(today.getYear()),
                "executed", executed, "evaluated", evaluated, "estimated", estimated, "realised", realised,
                "from", from.toString(), "to", today.toString())));
    }
}
