package org.gridcare.identity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridcare.organisation.DataScope;
import org.gridcare.shared.LikePatterns;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private final JdbcClient jdbc;
    private final TokenPrincipals principals;

    UserRepository(JdbcClient jdbc, TokenPrincipals principals) {
        this.jdbc = jdbc;
        this.principals = principals;
    }

    Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql("select * from app_user where lower(username) = lower(:u)").param("u", username)
                .query(UserRepository::map).optional();
    }

    Optional<UserAccount> findById(long id) {
        return jdbc.sql("select * from app_user where id = :id").param("id", id).query(UserRepository::map).optional();
    }

    boolean exists() {
        return jdbc.sql("select exists(select 1 from app_user)").query(Boolean.class).single();
    }

    /** Enabled users of these units (all units when null) holding one of these roles (any role when empty). */
    List<UserAccount> findByIds(Long[] ids) {
        return jdbc.sql("select * from app_user where id = any(:ids) order by lower(username)").param("ids", ids)
                .query(UserRepository::map).list();
    }

    List<UserAccount> staffIn(Long[] unitIds, Set<Role> roles) {
        return jdbc.sql("""
                        select * from app_user
                        where enabled and (cast(:units as bigint[]) is null or unit_id = any(:units))
                          and (cardinality(cast(:roles as varchar[])) = 0 or roles && cast(:roles as varchar[]))
                        order by unit_id, lower(username)
                        """)
                .param("units", unitIds).param("roles", roleArray(roles))
                .query(UserRepository::map).list();
    }

    PageResult<UserAccount> find(String text, Role role, Boolean enabled, DataScope scope, PageQuery page) {
        String where = """
                where (:all or unit_id = any(:units))
                  and (cast(:text as text) is null or username ilike :text or display_name ilike :text)
                  and (cast(:role as text) is null or :role = any(roles))
                  and (cast(:enabled as boolean) is null or enabled = :enabled)
                """;
        Map<String, Object> params = new HashMap<>();
        params.put("all", scope.all());
        params.put("units", scope.unitIdArray());
        params.put("text", text == null || text.isBlank() ? null : LikePatterns.contains(text.trim()));
        params.put("role", role == null ? null : role.name());
        params.put("enabled", enabled);
        long total = jdbc.sql("select count(*) from app_user " + where).params(params).query(Long.class).single();
        List<UserAccount> items = jdbc.sql("select * from app_user " + where + " order by " + page.orderBy()
                        + ", id limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(UserRepository::map).list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    long insert(String username, String displayName, String passwordHash, long unitId, Set<Role> roles,
                boolean enabled, Instant now) {
        return jdbc.sql("""
                insert into app_user (username, display_name, password_hash, unit_id, roles, enabled, failed_attempts,
                                      version, created_at, updated_at, password_changed_at)
                values (:username, :displayName, :hash, :unit, :roles, :enabled, 0, 0, :now, :now, :now)
                returning id
                """)
                .param("username", username).param("displayName", displayName).param("hash", passwordHash)
                .param("unit", unitId).param("roles", roleArray(roles)).param("enabled", enabled)
                .param("now", Timestamp.from(now))
                .query(Long.class).single();
    }

    /** Writes the profile fields; false when the version was stale. */
    boolean updateProfile(UserAccount user, int expectedVersion, Instant now) {
        principals.forgetAll();
        return jdbc.sql("""
                update app_user set display_name = :displayName, unit_id = :unit, roles = :roles, enabled = :enabled,
                       version = version + 1, updated_at = :now
                 where id = :id and version = :version
                """)
                .param("displayName", user.displayName()).param("unit", user.unitId())
                .param("roles", roleArray(user.roles())).param("enabled", user.enabled())
                .param("now", Timestamp.from(now)).param("id", user.id()).param("version", expectedVersion)
                .update() == 1;
    }

    void updatePassword(long id, String hash, Instant now) {
        principals.forgetAll();
        jdbc.sql("""
                update app_user set password_hash = :hash, password_changed_at = :now, failed_attempts = 0,
                       locked_until = null, version = version + 1, updated_at = :now where id = :id
                """)
                .param("hash", hash).param("now", Timestamp.from(now)).param("id", id).update();
    }

    void updateLocale(long id, String locale) {
        principals.forgetAll();
        jdbc.sql("update app_user set locale = :locale where id = :id").param("locale", locale).param("id", id).update();
    }

    /** Counts one more failed sign-in and returns the new count. */
    int recordFailure(long id) {
        return jdbc.sql("update app_user set failed_attempts = failed_attempts + 1 where id = :id returning failed_attempts")
                .param("id", id).query(Integer.class).single();
    }

    void lock(long id, Instant until) {
        principals.forgetAll();
        jdbc.sql("update app_user set locked_until = :until, failed_attempts = 0 where id = :id")
                .param("until", Timestamp.from(until)).param("id", id).update();
    }

    void clearFailures(long id) {
        if (jdbc.sql("update app_user set failed_attempts = 0, locked_until = null where id = :id and (failed_attempts > 0 or locked_until is not null)")
                .param("id", id).update() > 0) {
            principals.forgetAll();
        }
    }

    private static String[] roleArray(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toArray(String[]::new);
    }

    static UserAccount map(ResultSet rs, int row) throws SQLException {
        Array array = rs.getArray("roles");
        Set<Role> roles = array == null ? Set.of() : Arrays.stream((String[]) array.getArray())
                .map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        Timestamp locked = rs.getTimestamp("locked_until");
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), rs.getLong("unit_id"), roles, rs.getBoolean("enabled"),
                rs.getInt("failed_attempts"), locked == null ? null : locked.toInstant(), rs.getString("locale"),
                rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getTimestamp("password_changed_at").toInstant());
    }
}
