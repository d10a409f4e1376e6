package org.gridcare;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridcare.identity.NewUser;
import org.gridcare.identity.Role;
import org.gridcare.identity.Users;
import org.gridcare.organisation.NewOrgUnit;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitKind;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.security.Actor;

/**
 * Builds test data through the domain services, as an administrator would. Codes and usernames are
 * made unique per call site by the caller, since all tests share one database.
 */
public class Fixtures {

    public static final String PASSWORD = "Fixture-Pa55word";

    private final OrgUnits units;
    private final Users users;

    public Fixtures(OrgUnits units, Users users) {
        this.units = units;
        this.users = users;
    }

    public static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    public OrgUnit root() {
        return units.ensureRoot("HQ", "省电力公司");
    }

    public OrgUnit unit(String code, OrgUnitKind kind, String parentCode) {
        return units.findByCode(code).orElseGet(() ->
                units.create(new NewOrgUnit(code, "单位 " + code, kind, parentCode, null), admin()));
    }

    public void user(String username, String unitCode, Role... roles) {
        users.create(new NewUser(username, "用户 " + username, PASSWORD,
                EnumSet.copyOf(Arrays.asList(roles)), unitCode, true), admin());
    }

    public static Actor admin() {
        return new TestActor(0, "admin", 0, Set.of("ADMIN"));
    }

    /** An acting user for direct service calls. */
    public record TestActor(long userId, String username, long unitId, Set<String> roleNames) implements Actor {
        @Override
        public String displayName() {
            return username;
        }

        public static TestActor of(long userId, String username, long unitId, Role... roles) {
            return new TestActor(userId, username, unitId,
                    Arrays.stream(roles).map(Role::name).collect(Collectors.toSet()));
        }
    }
}
