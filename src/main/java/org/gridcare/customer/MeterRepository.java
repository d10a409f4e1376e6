package org.gridcare.customer;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MeterRepository {

    private static final String SELECT = """
            select m.*, sp.code as service_point from meter m join service_point sp on sp.id = m.service_point_id
            """;

    private final JdbcClient jdbc;

    MeterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Meter> findByCustomer(CustomerId customer) {
        return jdbc.sql(SELECT + " where sp.customer_id = :customer order by sp.code, m.removed_on desc nulls first, m.installed_on desc")
                .param("customer", customer.value()).query(MeterRepository::map).list();
    }

    Optional<Meter> findByNumber(CustomerId customer, String meterNumber) {
        return jdbc.sql(SELECT + " where sp.customer_id = :customer and m.meter_number = :number")
                .param("customer", customer.value()).param("number", meterNumber).query(MeterRepository::map).optional();
    }

    boolean meterNumberTaken(String meterNumber) {
        return jdbc.sql("select exists(select 1 from meter where meter_number = :n)").param("n", meterNumber)
                .query(Boolean.class).single();
    }

    /** The service point's id, creating the point on first use; locked so that concurrent installs queue. */
    long servicePoint(CustomerId customer, String code, Instant now) {
        jdbc.sql("""
                insert into service_point (customer_id, code, created_at) values (:customer, :code, :now)
                on conflict (customer_id, code) do nothing
                """).param("customer", customer.value()).param("code", code).param("now", Timestamp.from(now)).update();
        return jdbc.sql("select id from service_point where customer_id = :customer and code = :code for update")
                .param("customer", customer.value()).param("code", code).query(Long.class).single();
    }

    Optional<String> activeMeterAt(long servicePointId) {
        return jdbc.sql("select meter_number from meter where service_point_id = :sp and removed_on is null")
                .param("sp", servicePointId).query(String.class).optional();
    }

    void insert(long servicePointId, NewMeter meter, Instant now) {
        jdbc.sql("""
                insert into meter (service_point_id, meter_number, type, multiplier, installed_on, removed_on, created_at)
                values (:sp, :number, :type, :multiplier, :installedOn, :removedOn, :now)
                """)
                .param("sp", servicePointId).param("number", meter.meterNumber()).param("type", meter.type().name())
                .param("multiplier", meter.multiplier()).param("installedOn", Date.valueOf(meter.installedOn()))
                .param("removedOn", meter.removedOn() == null ? null : Date.valueOf(meter.removedOn()))
                .param("now", Timestamp.from(now)).update();
    }

    void markRemoved(String meterNumber, LocalDate removedOn) {
        jdbc.sql("update meter set removed_on = :removedOn where meter_number = :number")
                .param("removedOn", Date.valueOf(removedOn)).param("number", meterNumber).update();
    }

    private static Meter map(ResultSet rs, int row) throws SQLException {
        Date removed = rs.getDate("removed_on");
        return new Meter(rs.getString("service_point"), rs.getString("meter_number"),
                MeterType.valueOf(rs.getString("type")), rs.getBigDecimal("multiplier"),
                rs.getDate("installed_on").toLocalDate(), removed == null ? null : removed.toLocalDate());
    }
}
