package org.gridcare.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.gridcare.identity.UserView;
import org.gridcare.identity.Users;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.quality.AssignmentMode;
import org.gridcare.quality.FindingResult;
import org.gridcare.quality.InspectionStatus;
import org.gridcare.quality.InspectionView;
import org.gridcare.quality.Inspections;
import org.gridcare.quality.InspectionPlans;
import org.gridcare.quality.NewPlan;
import org.gridcare.quality.PlanView;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.PageResult;
import org.gridcare.shared.security.Actor;

/**
 * The demo company's quality inspection of the last full month: a plan of the city company (the default share,
 * complaints and dissatisfied visits targeted) drawn with the demo seed, and every inspection scored by its
 * inspector through the quality module, each rubric item failed with a small probability drawn from the seed —
 * so the error-rate tile shows figures near the guide's 0.5 % target.
 */
final class DemoInspections {

    /** The chance that an inspector fails one rubric item of a demo order. */
    private static final double ITEM_FAILURE = 0.0007;

    private final InspectionPlans plans;
    private final Inspections inspections;
    private final Users users;
    private final OrgUnits units;
    private final Clock clock;

    DemoInspections(InspectionPlans plans, Inspections inspections, Users users, OrgUnits units, Clock clock) {
        this.plans = plans;
        this.inspections = inspections;
        this.users = users;
        this.units = units;
        this.clock = clock;
    }

    /** Plans and scores the last full month; returns how many inspections were scored. */
    int inspectLastMonth(String unitCode, long seed, Actor admin) {
        YearMonth month = YearMonth.from(LocalDate.ofInstant(clock.instant(), BusinessTime.ZONE)).minusMonths(1);
        PlanView plan = plans.create(new NewPlan(month.toString(), unitCode, null, null, seed, AssignmentMode.BY_LOAD,
                true, true, true, false), admin);
        List<InspectionView> pending = new ArrayList<>();
        for (int page = 0; ; page++) {
            PageResult<InspectionView> found = inspections.find(new Inspections.Query(InspectionStatus.PENDING, null,
                    null, null, null, plan.id(), null, null, null), PageQuery.of(page, PageQuery.MAX_SIZE, "createdAt",
                    Inspections.SORTS), admin);
            pending.addAll(found.items());
            if ((long) (page + 1) * PageQuery.MAX_SIZE >= found.total()) {
                break;
            }
        }
        Map<String, Actor> inspectors = new HashMap<>();
        int scored = 0;
        for (InspectionView i : pending) {
            if (i.inspector() == null) {
                continue;
            }
            Actor inspector = inspectors.computeIfAbsent(i.inspector(), name -> inspector(name, admin));
            Random random = new Random(seed ^ (i.id() * 0x9E3779B97F4A7C15L));
            InspectionView full = inspections.get(i.id(), inspector);
            List<Inspections.FindingInput> findings = new ArrayList<>();
            for (InspectionView.Finding f : full.findings()) {
                boolean fail = random.nextDouble() < ITEM_FAILURE;
                findings.add(new Inspections.FindingInput(f.code(), fail ? FindingResult.FAIL : FindingResult.PASS,
                        fail ? "复核发现：" + f.name() + "不符合要求" : null));
            }
            inspections.score(i.id(), full.version(), findings, "演示数据：月度抽检", inspector);
            scored++;
        }
        return scored;
    }

    private Actor inspector(String username, Actor admin) {
        UserView user = users.get(username, admin);
        long unitId = units.findByCode(user.unitCode()).orElseThrow().id().value();
        return new InspectorActor(username, unitId);
    }

    /** A demo inspector scoring their assigned inspections. */
    private record InspectorActor(String username, long unitId) implements Actor {
        @Override
        public long userId() {
            return 0;
        }

        @Override
        public String displayName() {
            return username;
        }

        @Override
        public Set<String> roleNames() {
            return Set.of("INSPECTOR");
        }
    }
}
