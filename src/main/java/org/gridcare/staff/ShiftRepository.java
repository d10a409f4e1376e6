package org.gridcare.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.gridcare.staff.StaffRepository.date;
import static org.gridcare.staff.StaffRepository.localDate;

/** Shift codes and planned shifts. */
@Repository
class ShiftRepository {

    private final JdbcClient jdbc;

    ShiftRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ShiftCode> codes() {
        return jdbc.sql("select * from staff_shift_code order by starts_at, code").query((rs, n) -> new ShiftCode(
                rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
                rs.getTime("starts_at").toLocalTime(), rs.getTime("ends_at").toLocalTime())).list();
    }

    Optional<ShiftCode> code(String code) {
        return codes().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** The shifts of a person that overlap [from, to), by start. */
    List<Shift> of(long userId, Instant from, Instant to) {
        return jdbc.sql("""
                        select * from staff_shift where user_id = :user and starts_at < :to and ends_at > :from
                         order by starts_at
                        """).param("user", userId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(ShiftRepository::map).list();
    }

    Optional<Shift> find(long id) {
        return jdbc.sql("select * from staff_shift where id = :id").param("id", id).query(ShiftRepository::map)
                .optional();
    }

    boolean overlaps(long userId, Instant from, Instant to) {
        return jdbc.sql("""
                        select exists (select 1 from staff_shift
                                        where user_id = :user and starts_at < :to and ends_at > :from)
                        """).param("user", userId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(Boolean.class).single();
    }

    /** Of these people, the ones with a shift covering {@code at}, with the end of that shift. */
    java.util.Map<Long, Instant> onDuty(Collection<Long> userIds, Instant at) {
        java.util.Map<Long, Instant> onDuty = new java.util.HashMap<>();
        if (userIds.isEmpty()) {
            return onDuty;
        }
        jdbc.sql("""
                        select user_id, max(ends_at) as ends_at from staff_shift
                         where user_id = any(:users) and starts_at <= :at and ends_at > :at
                         group by user_id
                        """).param("users", userIds.toArray(Long[]::new)).param("at", Timestamp.from(at))
                .query((rs, n) -> onDuty.put(rs.getLong("user_id"), rs.getTimestamp("ends_at").toInstant())).list();
        return onDuty;
    }

    long insert(long userId, Shift shift, String by, Instant at) {
        return jdbc.sql("""
                insert into staff_shift (user_id, shift_date, shift_code, starts_at, ends_at, note, created_by,
                                         created_at)
                values (:user, :date, :code, :starts, :ends, :note, :by, :at) returning id
                """).param("user", userId).param("date", date(shift.date())).param("code", shift.shiftCode())
                .param("starts", Timestamp.from(shift.startsAt())).param("ends", Timestamp.from(shift.endsAt()))
                .param("note", shift.note()).param("by", by).param("at", Timestamp.from(at)).query(Long.class)
                .single();
    }

    boolean delete(long id) {
        return jdbc.sql("delete from staff_shift where id = :id").param("id", id).update() == 1;
    }

    private static Shift map(ResultSet rs, int row) throws SQLException {
        return new Shift(rs.getLong("id"), rs.getLong("user_id"), localDate(rs.getDate("shift_date")),
                rs.getString("shift_code"), rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(), rs.getString("note"));
    }
}
