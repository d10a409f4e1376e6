package org.gridcare.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridcare.audit.AuditTrail;
import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitId;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.PageResult;
import org.gridcare.shared.security.Actor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts. Administrators manage everyone; managers manage the accounts of their own unit's
 * subtree but cannot hand out the ADMIN role.
 */
@Service
public class Users {

    /** Names that are console paths under /admin/users, so a user called that could never be opened. */
    private static final java.util.Set<String> RESERVED_USERNAMES = java.util.Set.of("new");

    static final String ENTITY = "User";
    public static final Map<String, String> SORTS = sorts();

    private final UserRepository users;
    private final OrgUnits units;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final AuditTrail audit;
    private final Clock clock;

    Users(UserRepository users, OrgUnits units, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy,
          AuditTrail audit, Clock clock) {
        this.users = users;
        this.units = units;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.audit = audit;
        this.clock = clock;
    }

    private static Map<String, String> sorts() {
        Map<String, String> sorts = new LinkedHashMap<>();
        sorts.put("username", "lower(username)");
        sorts.put("displayName", "display_name");
        sorts.put("createdAt", "created_at");
        return java.util.Collections.unmodifiableMap(sorts);
    }

    @Transactional(readOnly = true)
    public PageResult<UserView> find(String text, Role role, Boolean enabled, PageQuery page, Actor actor) {
        // a page of users mostly shares a few units: look each one up once, not once per row
        Map<Long, java.util.Optional<OrgUnit>> unitsById = new java.util.HashMap<>();
        return users.find(text, role, enabled, units.scopeOf(actor), page).map(user -> view(user,
                unitsById.computeIfAbsent(user.unitId(), id -> units.findById(new OrgUnitId(id)))));
    }

    /**
     * The enabled staff of these units (every unit when {@code unitIds} is null) who hold one of {@code roles}
     * (any role when empty): the people a service standard binds. Not scoped: the caller decides who may see them.
     */
    @Transactional(readOnly = true)
    public List<StaffMember> staffIn(Set<Long> unitIds, Set<Role> roles) {
        return users.staffIn(unitIds == null ? null : unitIds.toArray(Long[]::new), roles).stream()
                .map(u -> new StaffMember(u.id(), u.username(), u.displayName(), u.unitId(), u.roles())).toList();
    }

    /** One staff user by id, enabled or not (not scoped: the caller decides who may see them). */
    @Transactional(readOnly = true)
    public java.util.Optional<StaffMember> member(long userId) {
        return users.findById(userId).map(Users::member);
    }

    /** One staff user by username, enabled or not (not scoped). */
    @Transactional(readOnly = true)
    public java.util.Optional<StaffMember> member(String username) {
        return username == null ? java.util.Optional.empty() : users.findByUsername(username).map(Users::member);
    }

    /** The staff users with these ids, enabled or not, by username (not scoped). */
    @Transactional(readOnly = true)
    public List<StaffMember> members(java.util.Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return users.findByIds(userIds.toArray(Long[]::new)).stream().map(Users::member).toList();
    }

    private static StaffMember member(UserAccount u) {
        return new StaffMember(u.id(), u.username(), u.displayName(), u.unitId(), u.roles());
    }

    @Transactional(readOnly = true)
    public UserView get(String username, Actor actor) {
        return view(load(username, units.scopeOf(actor)));
    }

    @Transactional(readOnly = true)
    public UserView me(Actor actor) {
        return view(users.findById(actor.userId()).orElseThrow(() -> new NotFoundException(ENTITY, actor.username())));
    }

    @Transactional
    public UserView create(NewUser command, Actor actor) {
        DataScope scope = units.scopeOf(actor);
        OrgUnit unit = unitFor("unitCode", command.unitCode(), scope);
        checkRoles(command.roles(), actor);
        if (RESERVED_USERNAMES.contains(command.username().toLowerCase(java.util.Locale.ROOT))) {
            throw InvalidInputException.of("username", "error.user.reserved", command.username());
        }
        passwordPolicy.check("password", command.password(), command.username());
        if (users.findByUsername(command.username()).isPresent()) {
            throw new ConflictException("error.user.duplicate", command.username());
        }
        boolean enabled = command.enabled() == null || command.enabled();
        long id = users.insert(command.username(), command.displayName().trim(),
                passwordEncoder.encode(command.password()), unit.id().value(), command.roles(), enabled, now());
        audit.record("USER_CREATED", ENTITY, command.username(), "roles %s, unit %s, enabled %s"
                .formatted(sorted(command.roles()), unit.code(), enabled));
        return view(users.findById(id).orElseThrow());
    }

    /**
     * Creates several accounts with the rules of {@link #create}, all or none. A password shared by several
     * accounts is hashed once (hashing is deliberately slow), so seeding a staff of dozens takes a moment.
     */
    @Transactional
    public List<UserView> createAll(List<NewUser> commands, Actor actor) {
        DataScope scope = units.scopeOf(actor);
        Map<String, String> hashes = new java.util.HashMap<>();
        List<UserView> created = new java.util.ArrayList<>(commands.size());
        for (NewUser command : commands) {
            OrgUnit unit = unitFor("unitCode", command.unitCode(), scope);
            checkRoles(command.roles(), actor);
            passwordPolicy.check("password", command.password(), command.username());
            if (users.findByUsername(command.username()).isPresent()) {
                throw new ConflictException("error.user.duplicate", command.username());
            }
            boolean enabled = command.enabled() == null || command.enabled();
            String hash = hashes.computeIfAbsent(command.password(), passwordEncoder::encode);
            long id = users.insert(command.username(), command.displayName().trim(), hash, unit.id().value(),
                    command.roles(), enabled, now());
            audit.record("USER_CREATED", ENTITY, command.username(), "roles %s, unit %s, enabled %s"
                    .formatted(sorted(command.roles()), unit.code(), enabled));
            created.add(view(users.findById(id).orElseThrow()));
        }
        return created;
    }

    @Transactional
    public UserView change(String username, UserChanges changes, Actor actor) {
        DataScope scope = units.scopeOf(actor);
        UserAccount user = load(username, scope);
        if (changes.version() != null && changes.version() != user.version()) {
            throw ConflictException.staleVersion(ENTITY, username);
        }
        onlyAdministratorsManageAdministrators(user, actor);
        Set<Role> roles = changes.roles() != null ? changes.roles() : user.roles();
        if (changes.roles() != null) {
            checkRoles(roles, actor);
        }
        boolean enabled = changes.enabled() != null ? changes.enabled() : user.enabled();
        if (user.id() == actor.userId() && (!enabled || (user.roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)))) {
            throw new ConflictException("error.user.cannotLockOutSelf");
        }
        long unitId = changes.unitCode() != null ? unitFor("unitCode", changes.unitCode(), scope).id().value()
                : user.unitId();
        String displayName = changes.displayName() != null ? changes.displayName().trim() : user.displayName();
        StringBuilder summary = new StringBuilder();
        describe(summary, "displayName", user.displayName(), displayName);
        describe(summary, "roles", sorted(user.roles()), sorted(roles));
        describe(summary, "unit", unitCode(user.unitId()), unitCode(unitId));
        describe(summary, "enabled", user.enabled(), enabled);
        UserAccount changed = new UserAccount(user.id(), user.username(), displayName, user.passwordHash(), unitId,
                roles, enabled, user.failedAttempts(), user.lockedUntil(), user.locale(), user.version(),
                user.createdAt(), user.updatedAt(), user.passwordChangedAt());
        if (changes.password() != null) {
            passwordPolicy.check("password", changes.password(), username);
        }
        if (!users.updateProfile(changed, user.version(), now())) {
            throw ConflictException.staleVersion(ENTITY, username);
        }
        if (changes.password() != null) {
            users.updatePassword(user.id(), passwordEncoder.encode(changes.password()), now());
            audit.record("USER_PASSWORD_RESET", ENTITY, username, "password reset by " + actor.username());
        }
        if (!summary.isEmpty() || changes.password() == null) {
            audit.record("USER_CHANGED", ENTITY, username, summary.isEmpty() ? "no change" : summary.toString());
        }
        return view(users.findById(user.id()).orElseThrow());
    }

    /** Lifts a lockout before it runs out. */
    @Transactional
    public void unlock(String username, Actor actor) {
        UserAccount user = load(username, units.scopeOf(actor));
        onlyAdministratorsManageAdministrators(user, actor);
        users.clearFailures(user.id());
        audit.record("USER_UNLOCKED", ENTITY, username, "lockout lifted");
    }

    @Transactional
    public void changeOwnPassword(Actor actor, String currentPassword, String newPassword) {
        UserAccount user = users.findById(actor.userId()).orElseThrow();
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.passwordHash())) {
            throw InvalidInputException.of("currentPassword", "validation.password.currentWrong");
        }
        passwordPolicy.check("newPassword", newPassword, user.username());
        if (passwordEncoder.matches(newPassword, user.passwordHash())) {
            throw InvalidInputException.of("newPassword", "validation.password.sameAsOld");
        }
        users.updatePassword(user.id(), passwordEncoder.encode(newPassword), now());
        audit.record("PASSWORD_CHANGED", ENTITY, user.username(), "own password changed");
    }

    @Transactional
    public void changeLocale(Actor actor, String locale) {
        users.updateLocale(actor.userId(), locale);
        audit.record("LOCALE_CHANGED", ENTITY, actor.username(), "language " + locale);
    }

    int passwordMinLength() {
        return passwordPolicy.minLength();
    }

    private UserAccount load(String username, DataScope scope) {
        return users.findByUsername(username).filter(u -> scope.includes(u.unitId()))
                .orElseThrow(() -> new NotFoundException(ENTITY, username));
    }

    private OrgUnit unitFor(String field, String code, DataScope scope) {
        OrgUnit unit = units.findByCode(code).filter(u -> scope.includes(u.id().value()))
                .orElseThrow(() -> InvalidInputException.of(field, "validation.orgUnit.unknown", code));
        if (!unit.enabled()) {
            throw InvalidInputException.of(field, "validation.orgUnit.disabled", code);
        }
        return unit;
    }

    private static void onlyAdministratorsManageAdministrators(UserAccount user, Actor actor) {
        if (!actor.isAdmin() && user.roles().contains(Role.ADMIN)) {
            throw new ConflictException("error.user.adminOnlyByAdmin", user.username());
        }
    }

    private static void checkRoles(Set<Role> roles, Actor actor) {
        if (roles == null || roles.isEmpty()) {
            throw InvalidInputException.of("roles", "validation.roles.required");
        }
        if (roles.contains(Role.ADMIN) && !actor.isAdmin()) {
            throw InvalidInputException.of("roles", "validation.roles.adminOnlyByAdmin");
        }
    }

    private String unitCode(long unitId) {
        return units.findById(new OrgUnitId(unitId)).map(OrgUnit::code).orElse(String.valueOf(unitId));
    }

    private UserView view(UserAccount user) {
        return view(user, units.findById(new OrgUnitId(user.unitId())));
    }

    private UserView view(UserAccount user, java.util.Optional<OrgUnit> unit) {
        return new UserView(user.username(), user.displayName(), user.roles(),
                unit.map(OrgUnit::code).orElse(null), unit.map(OrgUnit::name).orElse(null), user.enabled(),
                user.lockedAt(now()), user.locale(), user.version(), user.createdAt(), user.updatedAt());
    }

    private static String sorted(Set<Role> roles) {
        return EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles).toString();
    }

    private static void describe(StringBuilder summary, String field, Object before, Object after) {
        if (!before.equals(after)) {
            summary.append(field).append(": ").append(before).append(" → ").append(after).append("; ");
        }
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
