package org.gridcare.audit;

import java.sql.Timestamp;
import java.util.Map;

import org.gridcare.shared.LikePatterns;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit trail for the console and the API. */
@Repository
public class AuditEvents {

    public static final Map<String, String> SORTS = sorts();

    private final JdbcClient jdbc;

    AuditEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Map<String, String> sorts() {
        var sorts = new java.util.LinkedHashMap<String, String>();
        sorts.put("occurredAt", "occurred_at");
        sorts.put("actor", "actor");
        sorts.put("action", "action");
        return java.util.Collections.unmodifiableMap(sorts);
    }

    @Transactional(readOnly = true)
    public PageResult<AuditEvent> find(AuditQuery query, PageQuery page) {
        String where = """
                where (cast(:actor as text) is null or actor = :actor)
                  and (cast(:action as text) is null or action = :action)
                  and (cast(:entityType as text) is null or entity_type = :entityType)
                  and (cast(:entityId as text) is null or entity_id = :entityId)
                  and (cast(:from as timestamptz) is null or occurred_at >= :from)
                  and (cast(:to as timestamptz) is null or occurred_at < :to)
                  and (cast(:text as text) is null or summary ilike :text)
                """;
        var params = new java.util.HashMap<String, Object>();
        params.put("actor", blankToNull(query.actor()));
        params.put("action", blankToNull(query.action()));
        params.put("entityType", blankToNull(query.entityType()));
        params.put("entityId", blankToNull(query.entityId()));
        params.put("from", query.from() == null ? null : Timestamp.from(query.from()));
        params.put("to", query.to() == null ? null : Timestamp.from(query.to()));
        params.put("text", blankToNull(query.text()) == null ? null : LikePatterns.contains(query.text().trim()));
        long total = jdbc.sql("select count(*) from audit_event " + where).params(params).query(Long.class).single();
        String order = page.orderBy().startsWith("occurred_at") ? page.orderBy() + ", id desc" : page.orderBy();
        var items = jdbc.sql("select * from audit_event " + where + " order by " + order
                        + " limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), (Long) rs.getObject("actor_unit_id"), rs.getString("action"),
                        rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("summary"),
                        rs.getString("client_address"), rs.getString("request_id")))
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
