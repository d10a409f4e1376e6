package org.gridcare.staff;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridcare.workorder.WorkOrderType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Profiles, skills and teams as stored. */
@Repository
class StaffRepository {

    private static final String PROFILE_SELECT = """
            select p.*, t.code as team_code from staff_profile p left join staff_team t on t.id = p.team_id""";

    private final JdbcClient jdbc;

    StaffRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A profile row without the identity fields. */
    record ProfileRow(long userId, Position position, Long teamId, String teamCode, LocalDate hireDate,
                      List<String> languages, List<String> voltageLevels, List<StaffProfile.Skill> skills,
                      int version) {
    }

    // ---- profiles

    Optional<ProfileRow> profile(long userId) {
        return withSkills(jdbc.sql(PROFILE_SELECT + " where p.user_id = :id").param("id", userId)
                .query(StaffRepository::mapProfile).list()).stream().findFirst();
    }

    List<ProfileRow> profiles(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return withSkills(jdbc.sql(PROFILE_SELECT + " where p.user_id = any(:ids)")
                .param("ids", userIds.toArray(Long[]::new)).query(StaffRepository::mapProfile).list());
    }

    /** Of these users (null: everyone), those with the position and in the team asked for (null: any). */
    List<ProfileRow> profiles(Collection<Long> userIds, Position position, Long teamId) {
        return withSkills(jdbc.sql(PROFILE_SELECT + """
                         where (cast(:ids as bigint[]) is null or p.user_id = any(:ids))
                           and (cast(:position as varchar) is null or p.position = :position)
                           and (cast(:team as bigint) is null or p.team_id = :team)
                        """).param("ids", userIds == null ? null : userIds.toArray(Long[]::new))
                .param("position", position == null ? null : position.name()).param("team", teamId)
                .query(StaffRepository::mapProfile).list());
    }

    List<ProfileRow> members(long teamId) {
        return withSkills(jdbc.sql(PROFILE_SELECT + " where p.team_id = :team").param("team", teamId)
                .query(StaffRepository::mapProfile).list());
    }

    void insertProfile(ProfileRow p, Instant at) {
        jdbc.sql("""
                insert into staff_profile (user_id, position, team_id, hire_date, languages, voltage_levels,
                                           created_at, updated_at)
                values (:user, :position, :team, :hired, :languages, :voltage, :at, :at)
                """).param("user", p.userId()).param("position", p.position().name()).param("team", p.teamId())
                .param("hired", date(p.hireDate())).param("languages", p.languages().toArray(String[]::new))
                .param("voltage", p.voltageLevels().toArray(String[]::new)).param("at", Timestamp.from(at)).update();
        replaceSkills(p.userId(), p.skills());
    }

    boolean updateProfile(ProfileRow p, Instant at) {
        int updated = jdbc.sql("""
                update staff_profile set position = :position, team_id = :team, hire_date = :hired,
                       languages = :languages, voltage_levels = :voltage, updated_at = :at, version = version + 1
                 where user_id = :user and version = :version
                """).param("user", p.userId()).param("position", p.position().name()).param("team", p.teamId())
                .param("hired", date(p.hireDate())).param("languages", p.languages().toArray(String[]::new))
                .param("voltage", p.voltageLevels().toArray(String[]::new)).param("at", Timestamp.from(at))
                .param("version", p.version()).update();
        if (updated == 1) {
            replaceSkills(p.userId(), p.skills());
        }
        return updated == 1;
    }

    boolean deleteProfile(long userId, int version) {
        return jdbc.sql("delete from staff_profile where user_id = :user and version = :version")
                .param("user", userId).param("version", version).update() == 1;
    }

    private void replaceSkills(long userId, List<StaffProfile.Skill> skills) {
        jdbc.sql("delete from staff_skill where user_id = :user").param("user", userId).update();
        for (StaffProfile.Skill skill : skills) {
            jdbc.sql("""
                    insert into staff_skill (user_id, order_type, category_code) values (:user, :type, :category)
                    on conflict do nothing
                    """).param("user", userId).param("type", skill.type().name())
                    .param("category", skill.categoryCode() == null ? "" : skill.categoryCode()).update();
        }
    }

    private List<ProfileRow> withSkills(List<ProfileRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<StaffProfile.Skill>> skills = new HashMap<>();
        jdbc.sql("select * from staff_skill where user_id = any(:ids) order by order_type, category_code")
                .param("ids", rows.stream().map(ProfileRow::userId).toArray(Long[]::new))
                .query((rs, n) -> {
                    String category = rs.getString("category_code");
                    skills.computeIfAbsent(rs.getLong("user_id"), k -> new ArrayList<>()).add(new StaffProfile.Skill(
                            WorkOrderType.valueOf(rs.getString("order_type")), category.isEmpty() ? null : category));
                    return null;
                }).list();
        return rows.stream().map(r -> new ProfileRow(r.userId(), r.position(), r.teamId(), r.teamCode(),
                r.hireDate(), r.languages(), r.voltageLevels(), skills.getOrDefault(r.userId(), List.of()),
                r.version())).toList();
    }

    private static ProfileRow mapProfile(ResultSet rs, int row) throws SQLException {
        long team = rs.getLong("team_id");
        return new ProfileRow(rs.getLong("user_id"), Position.valueOf(rs.getString("position")),
                rs.wasNull() ? null : team, rs.getString("team_code"), localDate(rs.getDate("hire_date")),
                strings(rs.getArray("languages")), strings(rs.getArray("voltage_levels")), List.of(),
                rs.getInt("version"));
    }

    // ---- voltage levels

    /** Code → name of every voltage level, in order (name in the language asked for). */
    Map<String, String> voltageLevels(boolean english) {
        Map<String, String> levels = new java.util.LinkedHashMap<>();
        jdbc.sql("select code, name, name_en from staff_voltage_level order by sort_order").query((rs, n) ->
                levels.put(rs.getString("code"), rs.getString(english ? "name_en" : "name"))).list();
        return levels;
    }

    // ---- teams

    record TeamRow(long id, String code, String name, long unitId, Long leaderUserId, String duties,
                   boolean enabled, int version) {
    }

    Optional<TeamRow> team(long id) {
        return jdbc.sql("select * from staff_team where id = :id").param("id", id).query(StaffRepository::mapTeam)
                .optional();
    }

    Optional<TeamRow> team(String code) {
        return jdbc.sql("select * from staff_team where code = :code").param("code", code)
                .query(StaffRepository::mapTeam).optional();
    }

    /** The teams of these units (null: all), by code. */
    List<TeamRow> teams(Collection<Long> unitIds) {
        return jdbc.sql("""
                        select * from staff_team where (cast(:units as bigint[]) is null or unit_id = any(:units))
                        order by code
                        """).param("units", unitIds == null ? null : unitIds.toArray(Long[]::new))
                .query(StaffRepository::mapTeam).list();
    }

    List<TeamRow> teamsLedBy(long userId) {
        return jdbc.sql("select * from staff_team where leader_user_id = :user order by code").param("user", userId)
                .query(StaffRepository::mapTeam).list();
    }

    long insertTeam(TeamRow t, Instant at) {
        return jdbc.sql("""
                insert into staff_team (code, name, unit_id, leader_user_id, duties, enabled, created_at, updated_at)
                values (:code, :name, :unit, :leader, :duties, :enabled, :at, :at) returning id
                """).param("code", t.code()).param("name", t.name()).param("unit", t.unitId())
                .param("leader", t.leaderUserId()).param("duties", t.duties()).param("enabled", t.enabled())
                .param("at", Timestamp.from(at)).query(Long.class).single();
    }

    boolean updateTeam(TeamRow t, Instant at) {
        return jdbc.sql("""
                update staff_team set name = :name, unit_id = :unit, leader_user_id = :leader, duties = :duties,
                       enabled = :enabled, updated_at = :at, version = version + 1
                 where id = :id and version = :version
                """).param("id", t.id()).param("name", t.name()).param("unit", t.unitId())
                .param("leader", t.leaderUserId()).param("duties", t.duties()).param("enabled", t.enabled())
                .param("at", Timestamp.from(at)).param("version", t.version()).update() == 1;
    }

    int memberCount(long teamId) {
        return jdbc.sql("select count(*) from staff_profile where team_id = :team").param("team", teamId)
                .query(Integer.class).single();
    }

    private static TeamRow mapTeam(ResultSet rs, int row) throws SQLException {
        long leader = rs.getLong("leader_user_id");
        return new TeamRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getLong("unit_id"),
                rs.wasNull() ? null : leader, rs.getString("duties"), rs.getBoolean("enabled"), rs.getInt("version"));
    }

    // ---- helpers

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
