package org.gridcare.staff;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gridcare.identity.StaffMember;
import org.gridcare.identity.Users;
import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitId;
import org.gridcare.organisation.OrgUnits;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff module's read API for other modules (training, performance…): profiles, positions and teams. Not
 * scoped — the caller decides whom it shows them to (filter with {@link #inScope(DataScope)} or
 * {@link DataScope#includes}). Profiles of users that no longer exist in the identity module are left out.
 */
@Service
public class StaffDirectory {

    private final StaffRepository repository;
    private final Users users;
    private final OrgUnits units;

    StaffDirectory(StaffRepository repository, Users users, OrgUnits units) {
        this.repository = repository;
        this.users = users;
        this.units = units;
    }

    /** The profile of this user, if they have one. */
    @Transactional(readOnly = true)
    public Optional<StaffProfile> profileOf(long userId) {
        return repository.profile(userId).flatMap(row -> users.member(userId).map(member -> profile(row, member)));
    }

    /** The profile of this username, if they have one. */
    @Transactional(readOnly = true)
    public Optional<StaffProfile> profileOf(String username) {
        return users.member(username).flatMap(member -> repository.profile(member.userId())
                .map(row -> profile(row, member)));
    }

    /** The position of this user, if they have a profile. */
    @Transactional(readOnly = true)
    public Optional<Position> positionOf(long userId) {
        return repository.profile(userId).map(StaffRepository.ProfileRow::position);
    }

    /** The profiles of these users (those that have one), by username. */
    @Transactional(readOnly = true)
    public List<StaffProfile> profilesOf(Collection<Long> userIds) {
        return assemble(repository.profiles(userIds));
    }

    /**
     * The profiles of the enabled staff whose user account belongs to one of these units ({@code null}: every unit),
     * by username.
     */
    @Transactional(readOnly = true)
    public List<StaffProfile> inUnits(Set<Long> unitIds) {
        List<StaffMember> members = users.staffIn(unitIds, Set.of());
        Map<Long, StaffMember> byId = members.stream().collect(Collectors.toMap(StaffMember::userId,
                Function.identity()));
        return repository.profiles(byId.keySet()).stream().map(row -> profile(row, byId.get(row.userId())))
                .sorted(java.util.Comparator.comparing(StaffProfile::username)).toList();
    }

    /** The profiles of the enabled staff within a data scope. */
    @Transactional(readOnly = true)
    public List<StaffProfile> inScope(DataScope scope) {
        return inUnits(scope.all() ? null : scope.unitIds());
    }

    /** The members of a team, by username. */
    @Transactional(readOnly = true)
    public List<StaffProfile> members(long teamId) {
        return assemble(repository.members(teamId));
    }

    @Transactional(readOnly = true)
    public Optional<Team> team(long teamId) {
        return repository.team(teamId).map(this::team);
    }

    @Transactional(readOnly = true)
    public Optional<Team> team(String code) {
        return repository.team(code).map(this::team);
    }

    /** The team this user belongs to, if any. */
    @Transactional(readOnly = true)
    public Optional<Team> teamOf(long userId) {
        return repository.profile(userId).map(StaffRepository.ProfileRow::teamId).flatMap(repository::team)
                .map(this::team);
    }

    /** The teams of these units ({@code null}: all units), by code. */
    @Transactional(readOnly = true)
    public List<Team> teamsIn(Set<Long> unitIds) {
        return repository.teams(unitIds).stream().map(this::team).toList();
    }

    /** The teams this user leads (班组长). */
    @Transactional(readOnly = true)
    public List<Team> teamsLedBy(long userId) {
        return repository.teamsLedBy(userId).stream().map(this::team).toList();
    }

    /** Whether {@code leaderUserId} leads the team {@code memberUserId} belongs to. */
    @Transactional(readOnly = true)
    public boolean leads(long leaderUserId, long memberUserId) {
        return teamOf(memberUserId).map(t -> t.leaderUserId() != null && t.leaderUserId() == leaderUserId)
                .orElse(false);
    }

    // ---- assembly, shared with the module's services

    List<StaffProfile> assemble(List<StaffRepository.ProfileRow> rows) {
        Map<Long, StaffMember> byId = users.members(rows.stream().map(StaffRepository.ProfileRow::userId).toList())
                .stream().collect(Collectors.toMap(StaffMember::userId, Function.identity()));
        return rows.stream().filter(r -> byId.containsKey(r.userId())).map(r -> profile(r, byId.get(r.userId())))
                .sorted(java.util.Comparator.comparing(StaffProfile::username)).toList();
    }

    static StaffProfile profile(StaffRepository.ProfileRow row, StaffMember member) {
        return new StaffProfile(row.userId(), member.username(), member.displayName(), member.unitId(),
                row.position(), row.teamId(), row.teamCode(), row.hireDate(), row.languages(), row.voltageLevels(),
                row.skills(), row.version());
    }

    Team team(StaffRepository.TeamRow row) {
        String unitCode = units.findById(new OrgUnitId(row.unitId())).map(OrgUnit::code).orElse(null);
        String leader = row.leaderUserId() == null ? null
                : users.member(row.leaderUserId()).map(StaffMember::username).orElse(null);
        return new Team(row.id(), row.code(), row.name(), row.unitId(), unitCode, row.leaderUserId(), leader,
                row.duties(), row.enabled(), row.version());
    }
}
