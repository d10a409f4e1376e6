package org.gridcare.staff;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.gridcare.audit.AuditTrail;
import org.gridcare.identity.StaffMember;
import org.gridcare.identity.Users;
import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnitId;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.security.Actor;
import org.gridcare.workorder.Category;
import org.gridcare.workorder.WorkOrders;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff profiles and teams: managers, supervisors and administrators keep them within their data scope; a staff
 * member sees their own profile, a team leader their team's. Every change is audited.
 */
@Service
public class StaffProfiles {

    static final String ENTITY = "StaffProfile";
    static final String TEAM = "StaffTeam";

    private final StaffRepository repository;
    private final StaffDirectory directory;
    private final Users users;
    private final OrgUnits units;
    private final WorkOrders workOrders;
    private final AuditTrail audit;
    private final Clock clock;

    StaffProfiles(StaffRepository repository, StaffDirectory directory, Users users, OrgUnits units,
                  WorkOrders workOrders, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.directory = directory;
        this.users = users;
        this.units = units;
        this.workOrders = workOrders;
        this.audit = audit;
        this.clock = clock;
    }

    StaffDirectory directory() {
        return directory;
    }

    /** Whether the actor manages staff (within their scope). */
    static boolean manages(Actor actor) {
        return actor.isAdmin() || actor.hasRole("MANAGER") || actor.hasRole("SUPERVISOR");
    }

    // ---- profiles

    @Transactional
    public StaffProfile create(NewStaffProfile command, Actor actor) {
        requireManager(actor);
        DataScope scope = units.scopeOf(actor);
        StaffMember member = memberInScope("username", command.username(), scope);
        if (repository.profile(member.userId()).isPresent()) {
            throw new ConflictException("error.staff.duplicateProfile", member.username());
        }
        Long teamId = teamFor(command.teamCode(), member, scope);
        var row = new StaffRepository.ProfileRow(member.userId(), command.position(), teamId, null,
                command.hireDate(), languages(command.languages()), voltageLevels(command.voltageLevels()),
                skills(command.skills()), 0);
        checkHireDate(command.hireDate());
        repository.insertProfile(row, now());
        audit.record("STAFF_PROFILE_CREATED", ENTITY, member.username(), "position %s, team %s, skills %s"
                .formatted(command.position(), blankToNull(command.teamCode()), describe(row.skills())));
        return directory.profileOf(member.userId()).orElseThrow();
    }

    @Transactional
    public StaffProfile change(long userId, StaffProfileChanges changes, Actor actor) {
        requireManager(actor);
        DataScope scope = units.scopeOf(actor);
        StaffProfile current = load(userId, scope);
        if (changes.version() == null) {
            throw InvalidInputException.of("version", "validation.staff.required");
        }
        if (changes.version() != current.version()) {
            throw ConflictException.staleVersion(ENTITY, userId);
        }
        StaffMember member = users.member(userId).orElseThrow();
        Long teamId = changes.teamCode() == null ? current.teamId() : teamFor(changes.teamCode(), member, scope);
        if (changes.hireDate() != null) {
            checkHireDate(changes.hireDate());
        }
        var row = new StaffRepository.ProfileRow(userId,
                changes.position() != null ? changes.position() : current.position(), teamId, null,
                Boolean.TRUE.equals(changes.clearHireDate()) ? null
                        : changes.hireDate() != null ? changes.hireDate() : current.hireDate(),
                changes.languages() != null ? languages(changes.languages()) : current.languages(),
                changes.voltageLevels() != null ? voltageLevels(changes.voltageLevels()) : current.voltageLevels(),
                changes.skills() != null ? skills(changes.skills()) : current.skills(), current.version());
        if (!repository.updateProfile(row, now())) {
            throw ConflictException.staleVersion(ENTITY, userId);
        }
        StringBuilder summary = new StringBuilder();
        note(summary, "position", current.position(), row.position());
        note(summary, "team", current.teamId(), row.teamId());
        note(summary, "hireDate", current.hireDate(), row.hireDate());
        note(summary, "languages", current.languages(), row.languages());
        note(summary, "voltageLevels", current.voltageLevels(), row.voltageLevels());
        note(summary, "skills", describe(current.skills()), describe(row.skills()));
        audit.record("STAFF_PROFILE_CHANGED", ENTITY, current.username(),
                summary.isEmpty() ? "no change" : summary.toString());
        return directory.profileOf(userId).orElseThrow();
    }

    @Transactional
    public void delete(long userId, Integer version, Actor actor) {
        requireManager(actor);
        StaffProfile current = load(userId, units.scopeOf(actor));
        if (version == null) {
            throw InvalidInputException.of("version", "validation.staff.required");
        }
        if (!repository.teamsLedBy(userId).isEmpty()) {
            throw new ConflictException("error.staff.leadsTeam", current.username());
        }
        if (version != current.version() || !repository.deleteProfile(userId, version)) {
            throw ConflictException.staleVersion(ENTITY, userId);
        }
        audit.record("STAFF_PROFILE_DELETED", ENTITY, current.username(), "position %s".formatted(current.position()));
    }

    /** One profile, for its owner, their team leader or a manager whose scope includes them; 404 otherwise. */
    @Transactional(readOnly = true)
    public StaffProfile get(long userId, Actor actor) {
        StaffProfile profile = directory.profileOf(userId).orElseThrow(() -> new NotFoundException(ENTITY, userId));
        if (!maySee(profile, actor)) {
            throw new NotFoundException(ENTITY, userId);
        }
        return profile;
    }

    boolean maySee(StaffProfile profile, Actor actor) {
        return profile.userId() == actor.userId()
                || (manages(actor) && units.scopeOf(actor).includes(profile.unitId()))
                || directory.leads(actor.userId(), profile.userId());
    }

    /** The profiles within the actor's scope (managers only), filtered. */
    @Transactional(readOnly = true)
    public List<StaffProfile> find(Position position, String teamCode, String unitCode, Actor actor) {
        requireManager(actor);
        DataScope scope = units.scopeOf(actor);
        Set<Long> unitIds = scope.all() ? null : scope.unitIds();
        String unit = blankToNull(unitCode);
        if (unit != null) {
            var found = units.findByCode(unit).filter(u -> scope.includes(u.id().value()))
                    .orElseThrow(() -> InvalidInputException.of("unit", "validation.staff.unknownUnit", unit));
            unitIds = units.subtreeIds(found.id());
        }
        Long teamId = null;
        String team = blankToNull(teamCode);
        if (team != null) {
            teamId = repository.team(team).filter(t -> scope.includes(t.unitId())).map(StaffRepository.TeamRow::id)
                    .orElseThrow(() -> InvalidInputException.of("team", "validation.staff.unknownTeam", team));
        }
        List<StaffMember> members = users.staffIn(unitIds, Set.of());
        Map<Long, StaffMember> byId = new java.util.HashMap<>();
        members.forEach(m -> byId.put(m.userId(), m));
        return repository.profiles(byId.keySet(), position, teamId).stream()
                .map(r -> StaffDirectory.profile(r, byId.get(r.userId())))
                .sorted(java.util.Comparator.comparing(StaffProfile::username)).toList();
    }

    /** The voltage levels a profile may name, code → name in the locale. */
    public Map<String, String> voltageLevelNames(Locale locale) {
        return repository.voltageLevels("en".equals(locale.getLanguage()));
    }

    StaffProfile load(long userId, DataScope scope) {
        return directory.profileOf(userId).filter(p -> scope.includes(p.unitId()))
                .orElseThrow(() -> new NotFoundException(ENTITY, userId));
    }

    // ---- teams

    @Transactional
    public Team createTeam(NewTeam command, Actor actor) {
        requireManager(actor);
        DataScope scope = units.scopeOf(actor);
        var unit = units.findByCode(command.unitCode().trim()).filter(u -> scope.includes(u.id().value()))
                .orElseThrow(() -> InvalidInputException.of("unitCode", "validation.staff.unknownUnit",
                        command.unitCode()));
        if (repository.team(command.code().trim()).isPresent()) {
            throw new ConflictException("error.staff.duplicateTeam", command.code());
        }
        Long leader = leaderFor(command.leaderUsername(), unit.id().value());
        long id = repository.insertTeam(new StaffRepository.TeamRow(0, command.code().trim(), command.name().trim(),
                unit.id().value(), leader, blankToNull(command.duties()), true, 0), now());
        audit.record("STAFF_TEAM_CREATED", TEAM, command.code().trim(), "unit %s, leader %s"
                .formatted(unit.code(), blankToNull(command.leaderUsername())));
        return directory.team(id).orElseThrow();
    }

    @Transactional
    public Team changeTeam(long teamId, TeamChanges changes, Actor actor) {
        requireManager(actor);
        StaffRepository.TeamRow team = loadTeam(teamId, units.scopeOf(actor));
        if (changes.version() == null) {
            throw InvalidInputException.of("version", "validation.staff.required");
        }
        if (changes.version() != team.version()) {
            throw ConflictException.staleVersion(TEAM, team.code());
        }
        if (changes.name() != null && changes.name().isBlank()) {
            throw InvalidInputException.of("name", "validation.staff.required");
        }
        Long leader = changes.leaderUsername() == null ? team.leaderUserId()
                : leaderFor(changes.leaderUsername(), team.unitId());
        var changed = new StaffRepository.TeamRow(team.id(), team.code(),
                changes.name() != null ? changes.name().trim() : team.name(), team.unitId(), leader,
                changes.duties() != null ? blankToNull(changes.duties()) : team.duties(),
                changes.enabled() != null ? changes.enabled() : team.enabled(), team.version());
        if (!repository.updateTeam(changed, now())) {
            throw ConflictException.staleVersion(TEAM, team.code());
        }
        StringBuilder summary = new StringBuilder();
        note(summary, "name", team.name(), changed.name());
        note(summary, "leader", team.leaderUserId(), changed.leaderUserId());
        note(summary, "duties", team.duties(), changed.duties());
        note(summary, "enabled", team.enabled(), changed.enabled());
        audit.record("STAFF_TEAM_CHANGED", TEAM, team.code(), summary.isEmpty() ? "no change" : summary.toString());
        return directory.team(teamId).orElseThrow();
    }

    /** The teams within the actor's scope (everyone signed in may browse the org chart of their scope). */
    @Transactional(readOnly = true)
    public List<Team> teams(Actor actor) {
        DataScope scope = units.scopeOf(actor);
        return directory.teamsIn(scope.all() ? null : scope.unitIds());
    }

    @Transactional(readOnly = true)
    public Team team(long teamId, Actor actor) {
        return directory.team(loadTeam(teamId, units.scopeOf(actor)).id()).orElseThrow();
    }

    /** The members of a team in the actor's scope, as the org chart shows them. */
    @Transactional(readOnly = true)
    public List<TeamMember> teamMembers(long teamId, Actor actor) {
        StaffRepository.TeamRow team = loadTeam(teamId, units.scopeOf(actor));
        return directory.members(team.id()).stream()
                .map(p -> new TeamMember(p.userId(), p.username(), p.displayName(), p.position())).toList();
    }

    StaffRepository.TeamRow loadTeam(long teamId, DataScope scope) {
        return repository.team(teamId).filter(t -> scope.includes(t.unitId()))
                .orElseThrow(() -> new NotFoundException(TEAM, teamId));
    }

    // ---- checks

    static void requireManager(Actor actor) {
        if (!manages(actor)) {
            throw new org.springframework.security.access.AccessDeniedException("staff management");
        }
    }

    private StaffMember memberInScope(String field, String username, DataScope scope) {
        String name = blankToNull(username);
        if (name == null) {
            throw InvalidInputException.of(field, "validation.staff.required");
        }
        return users.member(name).filter(m -> scope.includes(m.unitId()))
                .orElseThrow(() -> InvalidInputException.of(field, "validation.staff.unknownUser", name));
    }

    /** The team's id; it must lie on the path from the root to the member's unit (their unit or above). */
    private Long teamFor(String teamCode, StaffMember member, DataScope scope) {
        String code = blankToNull(teamCode);
        if (code == null) {
            return null;
        }
        StaffRepository.TeamRow team = repository.team(code).filter(t -> scope.includes(t.unitId()))
                .orElseThrow(() -> InvalidInputException.of("teamCode", "validation.staff.unknownTeam", code));
        if (!team.enabled()) {
            throw InvalidInputException.of("teamCode", "validation.staff.teamDisabled", code);
        }
        if (!units.subtreeIds(new OrgUnitId(team.unitId())).contains(member.unitId())) {
            throw InvalidInputException.of("teamCode", "validation.staff.teamOutsideUnit", code, member.username());
        }
        return team.id();
    }

    private Long leaderFor(String username, long unitId) {
        String name = blankToNull(username);
        if (name == null) {
            return null;
        }
        StaffMember leader = users.member(name)
                .filter(m -> units.subtreeIds(new OrgUnitId(unitId)).contains(m.unitId()))
                .orElseThrow(() -> InvalidInputException.of("leaderUsername", "validation.staff.unknownUser", name));
        if (repository.profile(leader.userId()).isEmpty()) {
            throw InvalidInputException.of("leaderUsername", "validation.staff.noProfile", name);
        }
        return leader.userId();
    }

    private void checkHireDate(java.time.LocalDate hireDate) {
        if (hireDate != null && hireDate.isAfter(now().atZone(org.gridcare.shared.BusinessTime.ZONE).toLocalDate()
                .plusYears(1))) {
            throw InvalidInputException.of("hireDate", "validation.staff.hireDate");
        }
    }

    private static List<String> languages(List<String> values) {
        if (values == null) {
            return List.of();
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String v : values) {
            if (v == null || v.isBlank() || v.trim().length() > 50) {
                throw InvalidInputException.of("languages", "validation.staff.language");
            }
            distinct.add(v.trim());
        }
        if (distinct.size() > 10) {
            throw InvalidInputException.of("languages", "validation.staff.tooMany", 10);
        }
        return List.copyOf(distinct);
    }

    private List<String> voltageLevels(List<String> values) {
        if (values == null) {
            return List.of();
        }
        Set<String> known = repository.voltageLevels(false).keySet();
        Set<String> distinct = new LinkedHashSet<>();
        for (String v : values) {
            if (v == null || !known.contains(v.trim())) {
                throw InvalidInputException.of("voltageLevels", "validation.staff.voltageLevel", v);
            }
            distinct.add(v.trim());
        }
        return List.copyOf(distinct);
    }

    private List<StaffProfile.Skill> skills(List<StaffProfile.Skill> values) {
        if (values == null) {
            return List.of();
        }
        List<StaffProfile.Skill> result = new ArrayList<>();
        for (StaffProfile.Skill s : values) {
            if (s == null || s.type() == null) {
                throw InvalidInputException.of("skills", "validation.staff.skillType");
            }
            String category = blankToNull(s.categoryCode());
            if (category != null) {
                Optional<Category> found = workOrders.category(category);
                if (found.isEmpty() || found.get().type() != s.type()) {
                    throw InvalidInputException.of("skills", "validation.staff.skillCategory", category, s.type());
                }
            }
            StaffProfile.Skill skill = new StaffProfile.Skill(s.type(), category);
            if (!result.contains(skill)) {
                result.add(skill);
            }
        }
        if (result.size() > 50) {
            throw InvalidInputException.of("skills", "validation.staff.tooMany", 50);
        }
        return result;
    }

    static String describe(List<StaffProfile.Skill> skills) {
        return skills.stream().map(s -> s.categoryCode() == null ? s.type().name() : s.categoryCode()).toList()
                .toString();
    }

    private static void note(StringBuilder summary, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            summary.append(field).append(": ").append(before).append(" → ").append(after).append("; ");
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
