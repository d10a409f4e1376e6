package org.gridcare.staff;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridcare.identity.Role;
import org.gridcare.identity.StaffMember;
import org.gridcare.identity.Users;
import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnitId;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.security.Actor;
import org.gridcare.workorder.OrderDigest;
import org.gridcare.workorder.OrderDigests;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The dispatcher's suggestions for an order (see {@link DispatchSuggestion}). */
@Service
class DispatchSuggestions {

    private final OrderDigests orders;
    private final OrgUnits units;
    private final Users users;
    private final StaffRepository staff;
    private final Shifts shifts;
    private final Certificates certificates;
    private final Clock clock;

    DispatchSuggestions(OrderDigests orders, OrgUnits units, Users users, StaffRepository staff, Shifts shifts,
                        Certificates certificates, Clock clock) {
        this.orders = orders;
        this.units = units;
        this.users = users;
        this.staff = staff;
        this.shifts = shifts;
        this.certificates = certificates;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    DispatchSuggestion forOrder(String number, Actor actor) {
        DataScope scope = units.scopeOf(actor);
        OrderDigest order = orders.ofNumber(number).filter(o -> scope.includes(o.unitId()))
                .orElseThrow(() -> new NotFoundException("WorkOrder", number));
        Instant now = Instant.now(clock);
        Set<Long> unitIds = new HashSet<>(units.subtreeIds(new OrgUnitId(order.unitId())));
        if (!scope.all()) {
            unitIds.retainAll(scope.unitIds());
        }
        List<StaffMember> people = users.staffIn(unitIds, Set.of(Role.FIELD_STAFF));
        Map<Long, StaffRepository.ProfileRow> profiles = new HashMap<>();
        staff.profiles(people.stream().map(StaffMember::userId).toList()).forEach(p -> profiles.put(p.userId(), p));
        Map<Long, Instant> onDuty = shifts.onDuty(profiles.keySet(), now);
        Map<String, Long> workload = orders.workloadOf(people.stream().map(StaffMember::username).toList());

        List<DispatchSuggestion.Candidate> candidates = new ArrayList<>();
        List<DispatchSuggestion.PassedOver> passedOver = new ArrayList<>();
        for (StaffMember person : people) {
            StaffRepository.ProfileRow profile = profiles.get(person.userId());
            String reason = null;
            if (profile == null) {
                reason = "NO_PROFILE";
            } else if (profile.skills().stream().noneMatch(s -> s.covers(order.type(), order.categoryCode()))) {
                reason = "NO_SKILL";
            } else if (!onDuty.containsKey(person.userId())) {
                reason = "OFF_DUTY";
            } else if (certificates.blockedBy(person.userId(), order.type(), order.categoryCode(), now).isPresent()) {
                reason = "CERTIFICATE";
            }
            if (reason != null) {
                passedOver.add(new DispatchSuggestion.PassedOver(person.userId(), person.username(),
                        person.displayName(), reason));
            } else {
                candidates.add(new DispatchSuggestion.Candidate(0, person.userId(), person.username(),
                        person.displayName(), profile.position(), profile.teamCode(),
                        workload.getOrDefault(person.username(), 0L), onDuty.get(person.userId())));
            }
        }
        candidates.sort(Comparator.comparingLong(DispatchSuggestion.Candidate::openOrders)
                .thenComparing(DispatchSuggestion.Candidate::onDutyUntil, Comparator.reverseOrder())
                .thenComparing(DispatchSuggestion.Candidate::username));
        List<DispatchSuggestion.Candidate> ranked = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            var c = candidates.get(i);
            ranked.add(new DispatchSuggestion.Candidate(i + 1, c.userId(), c.username(), c.displayName(),
                    c.position(), c.teamCode(), c.openOrders(), c.onDutyUntil()));
        }
        passedOver.sort(Comparator.comparing(DispatchSuggestion.PassedOver::reason)
                .thenComparing(DispatchSuggestion.PassedOver::username));
        return new DispatchSuggestion(order.number(), order.type(), order.categoryCode(), now, ranked, passedOver);
    }
}
