package org.gridcare.workorder;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * System reads of orders for modules that keep records derived from them (no data scope: the caller decides
 * whom it shows its own records to). One order for an event, or the orders of a type in an id range for a
 * bulk import.
 */
@Service
public class OrderDigests {

    private static final String SELECT = """
            select id, number, type, channel, category_code, unit_id, customer_number, sensitive, media,
                   escalation_risk, created_at
              from work_order""";

    private final JdbcClient jdbc;

    OrderDigests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The orders of {@code type} with ids in {@code [first, last]}, in id order. */
    @Transactional(readOnly = true)
    public List<OrderDigest> ofType(WorkOrderType type, long first, long last) {
        return jdbc.sql(SELECT + " where id between :first and :last and type = :type order by id")
                .param("first", first).param("last", last).param("type", type.name()).query(OrderDigests::map)
                .list();
    }

    /** The order with this number, if any (the caller checks its unit against the data scope it serves). */
    @Transactional(readOnly = true)
    public Optional<OrderDigest> ofNumber(String number) {
        return jdbc.sql(SELECT + " where number = :number").param("number", number).query(OrderDigests::map)
                .optional();
    }

    /**
     * The work on hand of these handlers (usernames): how many orders each currently handles that are dispatched to
     * them, in progress or suspended. A handler without any is left out of the map.
     */
    @Transactional(readOnly = true)
    public java.util.Map<String, Long> workloadOf(java.util.Collection<String> handlers) {
        if (handlers.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.sql("""
                        select handler, count(*) as open from work_order
                         where handler = any(:handlers) and status in ('DISPATCHED', 'IN_PROGRESS', 'SUSPENDED')
                         group by handler
                        """).param("handlers", handlers.toArray(String[]::new))
                .query((rs, n) -> counts.put(rs.getString("handler"), rs.getLong("open"))).list();
        return counts;
    }

    private static OrderDigest map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new OrderDigest(rs.getLong("id"), rs.getString("number"), WorkOrderType.valueOf(rs.getString("type")),
                Channel.valueOf(rs.getString("channel")), rs.getString("category_code"), rs.getLong("unit_id"),
                rs.getString("customer_number"), rs.getBoolean("sensitive"), rs.getBoolean("media"),
                rs.getBoolean("escalation_risk"), rs.getTimestamp("created_at").toInstant());
    }
}
