package org.gridcare.workorder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridcare.organisation.DataScope;
import org.gridcare.shared.LikePatterns;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.PageResult;
import org.gridcare.shared.SequenceBlock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class WorkOrderRepository {

    /**
     * Lists and queue badges count exactly up to this many rows (a list: this many beyond the start of its
     * page); beyond it they say "at least". Each counted row is an index entry read, so the cap bounds the
     * cost of every list request and badge refresh.
     */
    static final int COUNT_CAP = QueueCounts.CAP;

    /** Order ids taken from the sequence per round trip (ids may have gaps; the numbers may not). */
    static final int ID_BLOCK = 32;

    private final JdbcClient jdbc;
    private final SequenceBlock ids;

    WorkOrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.ids = new SequenceBlock(jdbc, "work_order_id_seq", ID_BLOCK);
    }

    Optional<Long> orderIdForKey(String username, String key) {
        return jdbc.sql("select order_id from work_order_idempotency where username = :u and key = :k")
                .param("u", username).param("k", key).query(Long.class).optional();
    }

    /**
     * An id for an order about to be accepted, so that rows of other modules can be written before it. Ids are taken
     * from the sequence {@value #ID_BLOCK} at a time: an intake's round trips are its cost. Ids left unused at a stop
     * are gaps, like those of rolled-back intakes always were; nothing counts on ids being dense.
     */
    long nextId() {
        return ids.next();
    }

    /**
     * A newly accepted order to write, with its policy version, its idempotency key (or null) and the start of its
     * repeat window: an order of the same category and customer (or address) accepted since then is the one it repeats.
     */
    record Accepted(WorkOrder order, long policyId, String key, Instant repeatSince) {
    }

    /** A written order's number and the order it repeats (both null: none). */
    record Numbered(String number, Long repeatOfId, String repeatOfNumber) {
    }

    /**
     * Writes newly accepted orders of one day under their ids, numbered with the day's next numbers in their order,
     * each flagged as a repeat of the latest earlier order of its category and customer (or address) in its repeat window
     * (one of these orders numbered before it included),
     * with their first timeline rows and idempotency keys, in one statement (each column an array); returns the
     * numbers and repeats in the same order. The day's counter row stays locked until the transaction ends, which
     * keeps numbers gap-free: this is the serialisation point of every intake, so callers write everything else first.
     */
    List<Numbered> insertNumbered(LocalDate day, List<Accepted> accepted) {
        int n = accepted.size();
        Long[] ids = new Long[n];
        String[] types = new String[n];
        String[] subTypes = new String[n];
        String[] categories = new String[n];
        String[] channels = new String[n];
        String[] priorities = new String[n];
        String[] statuses = new String[n];
        String[] customers = new String[n];
        String[] callerNames = new String[n];
        String[] callerPhones = new String[n];
        String[] addresses = new String[n];
        String[] areaTypes = new String[n];
        Long[] unitIds = new Long[n];
        String[] unitCodes = new String[n];
        String[] descriptions = new String[n];
        Boolean[] sensitive = new Boolean[n];
        Boolean[] media = new Boolean[n];
        Boolean[] escalation = new Boolean[n];
        String[] repeatSince = new String[n];
        Long[] policies = new Long[n];
        String[] createdBy = new String[n];
        String[] createdAt = new String[n];
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            Accepted a = accepted.get(i);
            WorkOrder o = a.order();
            ids[i] = o.id().value();
            types[i] = o.type().name();
            subTypes[i] = o.subType() == null ? null : o.subType().name();
            categories[i] = o.categoryCode();
            channels[i] = o.channel().name();
            priorities[i] = o.priority().name();
            statuses[i] = o.status().name();
            customers[i] = o.customerNumber();
            callerNames[i] = o.callerName();
            callerPhones[i] = o.callerPhone();
            addresses[i] = o.address();
            areaTypes[i] = o.areaType();
            unitIds[i] = o.unitId();
            unitCodes[i] = o.unitCode();
            descriptions[i] = o.description();
            sensitive[i] = o.flags().sensitive();
            media[i] = o.flags().media();
            escalation[i] = o.flags().escalationRisk();
            repeatSince[i] = a.repeatSince().toString();
            policies[i] = a.policyId();
            createdBy[i] = o.createdBy();
            createdAt[i] = o.createdAt().toString();
            keys[i] = a.key();
        }
        Map<Long, Numbered> numbers = new HashMap<>();
        jdbc.sql("""
                with input as (
                    select * from unnest(cast(:ids as bigint[]), cast(:types as varchar[]),
                        cast(:subTypes as varchar[]), cast(:categories as varchar[]), cast(:channels as varchar[]),
                        cast(:priorities as varchar[]), cast(:statuses as varchar[]), cast(:customers as varchar[]),
                        cast(:callerNames as varchar[]), cast(:callerPhones as varchar[]),
                        cast(:addresses as varchar[]), cast(:areaTypes as varchar[]), cast(:unitIds as bigint[]),
                        cast(:unitCodes as varchar[]), cast(:descriptions as varchar[]), cast(:sensitive as boolean[]),
                        cast(:media as boolean[]), cast(:escalation as boolean[]), cast(:repeatSince as timestamptz[]),
                        cast(:policies as bigint[]), cast(:createdBy as varchar[]), cast(:createdAt as timestamptz[]),
                        cast(:keys as varchar[]))
                        with ordinality as i (id, type, sub_type, category_code, channel, priority, status,
                            customer_number, caller_name, caller_phone, address, area_type, unit_id, unit_code,
                            description, sensitive, media, escalation_risk, repeat_since, sla_policy_id, created_by,
                            created_at, key, position)
                ), counter as (
                    insert into work_order_counter (day, last) values (:day, :n)
                    on conflict (day) do update set last = work_order_counter.last + :n
                    returning last
                ), created as (
                    insert into work_order (id, number, type, sub_type, category_code, channel, priority, status,
                        customer_number, caller_name, caller_phone, address, area_type, unit_id, unit_code, handler,
                        description, sensitive, media, escalation_risk, repeat, repeat_of_id, sla_policy_id,
                        created_by, created_at, updated_at, version)
                    select i.id, :prefix || case when c.last - :n + i.position > 999999
                                                 then (c.last - :n + i.position)::text
                                                 else lpad((c.last - :n + i.position)::text, 6, '0') end,
                        i.type, i.sub_type, i.category_code, i.channel, i.priority, i.status, i.customer_number,
                        i.caller_name, i.caller_phone, i.address, i.area_type, i.unit_id, i.unit_code, null,
                        i.description, i.sensitive, i.media, i.escalation_risk, e.id is not null, e.id,
                        i.sla_policy_id, i.created_by, i.created_at, i.created_at, 0
                      from input i cross join counter c
                      -- the repeat check: one newest-first walk per index, each stopping at its first match, and
                      -- the orders of this statement numbered before it (newer than any written before)
                      left join lateral (
                          select x.id from (
                              (select w.id, w.created_at, 0 as here from work_order w
                                where w.customer_number = i.customer_number and w.category_code = i.category_code
                                  and w.created_at >= i.repeat_since
                                order by w.created_at desc limit 1)
                              union all
                              (select w.id, w.created_at, 0 from work_order w
                                where w.address = i.address and w.category_code = i.category_code
                                  and w.created_at >= i.repeat_since
                                order by w.created_at desc limit 1)
                              union all
                              (select j.id, j.created_at, j.position from input j
                                where j.position < i.position and j.category_code = i.category_code
                                  and (j.customer_number = i.customer_number or j.address = i.address)
                                  and j.created_at >= i.repeat_since
                                order by j.position desc limit 1)
                          ) x order by x.here desc, x.created_at desc limit 1
                      ) e on true
                    returning id, number, repeat_of_id
                ), numbered as (
                    -- an order repeated within this statement is not in work_order yet for this statement
                    select c.id, c.number, c.repeat_of_id, coalesce(p.number, q.number) as repeat_of_number
                      from created c left join work_order p on p.id = c.repeat_of_id
                      left join created q on q.id = c.repeat_of_id
                ), timeline as (
                    insert into work_order_timeline (order_id, occurred_at, actor, action, from_status, to_status, note)
                    select i.id, i.created_at, i.created_by, 'CREATE', null, i.status, 'repeat of ' || r.repeat_of_number
                      from numbered r join input i on i.id = r.id
                ), idempotency as (
                    insert into work_order_idempotency (username, key, order_id, created_at)
                    select i.created_by, i.key, i.id, i.created_at
                      from created c join input i on i.id = c.id where i.key is not null
                )
                select id, number, repeat_of_id, repeat_of_number from numbered
                """)
                .param("ids", ids).param("types", types).param("subTypes", subTypes).param("categories", categories)
                .param("channels", channels).param("priorities", priorities).param("statuses", statuses)
                .param("customers", customers).param("callerNames", callerNames).param("callerPhones", callerPhones)
                .param("addresses", addresses).param("areaTypes", areaTypes).param("unitIds", unitIds)
                .param("unitCodes", unitCodes).param("descriptions", descriptions).param("sensitive", sensitive)
                .param("media", media).param("escalation", escalation).param("repeatSince", repeatSince)
                .param("policies", policies).param("createdBy", createdBy).param("createdAt", createdAt)
                .param("keys", keys)
                .param("day", day).param("n", n)
                .param("prefix", "GD" + java.time.format.DateTimeFormatter.BASIC_ISO_DATE.format(day))
                .query(rs -> {
                    numbers.put(rs.getLong("id"), new Numbered(rs.getString("number"),
                            (Long) rs.getObject("repeat_of_id"), rs.getString("repeat_of_number")));
                });
        return accepted.stream().map(a -> numbers.get(a.order().id().value())).toList();
    }

    Optional<Category> category(String code) {
        return jdbc.sql("select * from wo_category where code = :code").param("code", code)
                .query(WorkOrderRepository::category).optional();
    }

    List<Category> categories() {
        return jdbc.sql("select * from wo_category order by sort_order, code").query(WorkOrderRepository::category)
                .list();
    }

    void insertCategory(Category c) {
        jdbc.sql("""
                insert into wo_category (code, parent_code, type, name, name_en, sort_order, enabled)
                values (:code, :parent, :type, :name, :nameEn, :sort, :enabled)
                """).param("code", c.code()).param("parent", c.parentCode()).param("type", c.type().name())
                .param("name", c.name()).param("nameEn", c.nameEn()).param("sort", c.sortOrder())
                .param("enabled", c.enabled()).update();
    }

    void updateCategory(Category c) {
        jdbc.sql("""
                update wo_category set parent_code = :parent, name = :name, name_en = :nameEn, sort_order = :sort
                 where code = :code
                """).param("code", c.code()).param("parent", c.parentCode()).param("name", c.name())
                .param("nameEn", c.nameEn()).param("sort", c.sortOrder()).update();
    }

    boolean setCategoryEnabled(String code, boolean enabled) {
        return jdbc.sql("update wo_category set enabled = :e where code = :code").param("e", enabled)
                .param("code", code).update() == 1;
    }

    /** Writes the changeable state; false when someone else changed the order first (stale version). */
    boolean update(WorkOrder o) {
        return jdbc.sql("""
                update work_order set status = :status, area_type = :areaType, unit_id = :unitId,
                       unit_code = :unitCode, handler = :handler, parent_id = :parentId,
                       suspended_from = :suspendedFrom, arrived_at = :arrivedAt, restored_at = :restoredAt,
                       reply_text = :replyText, result = :result, satisfaction = :satisfaction,
                       urge_count = :urgeCount, reopen_count = :reopenCount, supervise_note = :superviseNote,
                       supervise_due_at = :superviseDueAt, updated_at = :updatedAt, version = version + 1
                 where id = :id and version = :version
                """)
                .param("status", o.status().name()).param("areaType", o.areaType()).param("unitId", o.unitId())
                .param("unitCode", o.unitCode()).param("handler", o.handler()).param("parentId", o.parentId())
                .param("suspendedFrom", o.suspendedFrom() == null ? null : o.suspendedFrom().name())
                .param("arrivedAt", ts(o.arrivedAt())).param("restoredAt", ts(o.restoredAt()))
                .param("replyText", o.replyText()).param("result", o.result())
                .param("satisfaction", o.satisfaction() == null ? null : o.satisfaction().name())
                .param("urgeCount", o.urgeCount()).param("reopenCount", o.reopenCount())
                .param("superviseNote", o.superviseNote()).param("superviseDueAt", ts(o.superviseDueAt()))
                .param("updatedAt", ts(o.updatedAt())).param("id", o.id().value()).param("version", o.version())
                .update() == 1;
    }

    void markSla(long orderId, String state) {
        jdbc.sql("""
                update work_order set sla_state = :state
                 where id = :id and (sla_state = 'NONE' or :state = 'BREACHED')
                """).param("state", state).param("id", orderId).update();
    }

    Optional<WorkOrder> findById(long id) {
        return jdbc.sql("select * from work_order where id = :id").param("id", id).query(WorkOrderRepository::map)
                .optional();
    }

    Optional<WorkOrder> findByNumber(String number, DataScope scope) {
        return jdbc.sql("select * from work_order where number = :n and (:all or unit_id = any(:units))")
                .param("n", number).param("all", scope.all()).param("units", scope.unitIdArray())
                .query(WorkOrderRepository::map).optional();
    }

    Optional<String> numberOf(Long id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("select number from work_order where id = :id").param("id", id).query(String.class).optional();
    }

    Optional<String> slaStateOf(long id) {
        return jdbc.sql("select sla_state from work_order where id = :id").param("id", id).query(String.class)
                .optional();
    }

    void insertTimeline(long orderId, Instant at, String actor, Step step) {
        jdbc.sql("""
                insert into work_order_timeline (order_id, occurred_at, actor, action, from_status, to_status, note)
                values (:order, :at, :actor, :action, :from, :to, :note)
                """).param("order", orderId).param("at", ts(at)).param("actor", actor)
                .param("action", step.action() == null ? "CREATE" : step.action().name())
                .param("from", step.from() == null ? null : step.from().name()).param("to", step.to().name())
                .param("note", step.note()).update();
    }

    List<TimelineEntry> timeline(long orderId) {
        return jdbc.sql("select * from work_order_timeline where order_id = :o order by id").param("o", orderId)
                .query((rs, i) -> new TimelineEntry(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("from_status"), rs.getString("to_status"),
                        rs.getString("note")))
                .list();
    }

    PageResult<WorkOrder> find(WorkOrderFilter f, DataScope scope, PageQuery page) {
        return find(f, scope, page, COUNT_CAP);
    }

    /**
     * One page and its total: exact when the page is the last one, else counted up to {@code cap} rows beyond
     * the page's start, so that a list can always be paged on however far the caller has gone.
     */
    PageResult<WorkOrder> find(WorkOrderFilter f, DataScope scope, PageQuery page, int cap) {
        StringBuilder where = new StringBuilder(" where (:all or unit_id = any(:units))");
        var params = new java.util.HashMap<String, Object>();
        params.put("all", scope.all());
        params.put("units", scope.unitIdArray());
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            where.append(" and status = any(:statuses)");
            params.put("statuses", f.statuses().stream().map(Enum::name).toArray(String[]::new));
        }
        if (f.openOnly()) {
            where.append(" and status not in ('CLOSED', 'CANCELLED', 'MERGED')");
        }
        if (f.type() != null) {
            where.append(" and type = :type");
            params.put("type", f.type().name());
        }
        if (f.channel() != null) {
            where.append(" and channel = :channel");
            params.put("channel", f.channel().name());
        }
        if (f.unitIds() != null) {
            where.append(" and unit_id = any(:unitIds)");
            params.put("unitIds", f.unitIds().toArray(Long[]::new));
        }
        if (f.handler() != null) {
            where.append(" and handler = :handler");
            params.put("handler", f.handler());
        }
        // overdue and warning are queues of open orders: an archived order keeps its SLA state as history
        if (Boolean.TRUE.equals(f.overdue())) {
            where.append(" and sla_state = 'BREACHED' and status not in ('CLOSED', 'CANCELLED', 'MERGED')");
        }
        if (Boolean.TRUE.equals(f.warning())) {
            where.append(" and sla_state = 'WARNING' and status not in ('CLOSED', 'CANCELLED', 'MERGED')");
        }
        if (f.customer() != null) {
            where.append(" and customer_number = :customer");
            params.put("customer", f.customer());
        }
        if (f.createdFrom() != null) {
            where.append(" and created_at >= :from");
            params.put("from", ts(f.createdFrom()));
        }
        if (f.createdTo() != null) {
            where.append(" and created_at < :to");
            params.put("to", ts(f.createdTo()));
        }
        if (f.text() != null) {
            // indexed lookups only: number, customer number, caller phone, or the start of the address
            where.append(" and (number = :text or customer_number = :text or caller_phone = :text"
                    + " or address like :textPrefix)");
            params.put("text", f.text());
            params.put("textPrefix", LikePatterns.startsWith(f.text()));
        }
        List<WorkOrder> items = jdbc.sql("select * from work_order" + where + " order by " + page.orderBy()
                        + ", id desc limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(WorkOrderRepository::map).list();
        long total = items.size() < page.size() && (page.page() == 0 || !items.isEmpty())
                ? (long) page.offset() + items.size()
                : jdbc.sql("select count(*) from (select 1 from work_order" + where + " limit :cap) capped")
                        .params(params).param("cap", page.offset() + cap).query(Long.class).single();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /**
     * The queue counts of one user. Each queue is counted on its own index and only up to
     * {@link #COUNT_CAP}: a province-wide view must not scan every open order on each refresh.
     */
    QueueCounts counts(String username, long unitId, DataScope scope) {
        return new QueueCounts(
                cappedOpenCount("handler = :me", username, unitId, scope),
                cappedOpenCount("unit_id = :unit", username, unitId, scope),
                cappedOpenCount("status in ('ACCEPTED', 'RETURNED')", username, unitId, scope),
                cappedOpenCount("status = 'REPLIED'", username, unitId, scope),
                cappedOpenCount("sla_state = 'BREACHED'", username, unitId, scope),
                cappedOpenCount("sla_state = 'WARNING'", username, unitId, scope));
    }

    private long cappedOpenCount(String queue, String username, long unitId, DataScope scope) {
        return jdbc.sql("select count(*) from (select 1 from work_order where " + queue
                        + " and status not in ('CLOSED', 'CANCELLED', 'MERGED') and (:all or unit_id = any(:units))"
                        + " limit :cap) capped")
                .param("me", username).param("unit", unitId).param("all", scope.all())
                .param("units", scope.unitIdArray()).param("cap", COUNT_CAP)
                .query(Long.class).single();
    }

    long insertAttachment(long orderId, String filename, String contentType, byte[] content, String by, Instant at) {
        return jdbc.sql("""
                insert into work_order_attachment (order_id, filename, content_type, size_bytes, content, uploaded_by,
                                                   uploaded_at)
                values (:o, :f, :t, :s, :c, :by, :at) returning id
                """).param("o", orderId).param("f", filename).param("t", contentType).param("s", content.length)
                .param("c", content).param("by", by).param("at", ts(at)).query(Long.class).single();
    }

    List<AttachmentInfo> attachments(long orderId) {
        return jdbc.sql("""
                select id, filename, content_type, size_bytes, uploaded_by, uploaded_at
                  from work_order_attachment where order_id = :o order by id
                """).param("o", orderId).query((rs, i) -> new AttachmentInfo(rs.getLong("id"), rs.getString("filename"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("uploaded_by"),
                        rs.getTimestamp("uploaded_at").toInstant()))
                .list();
    }

    Optional<AttachmentContent> attachment(long orderId, long id) {
        return jdbc.sql("select filename, content_type, content from work_order_attachment where order_id = :o and id = :id")
                .param("o", orderId).param("id", id)
                .query((rs, i) -> new AttachmentContent(rs.getString("filename"), rs.getString("content_type"),
                        rs.getBytes("content")))
                .optional();
    }

    record AttachmentContent(String filename, String contentType, byte[] content) {
    }

    private static Category category(ResultSet rs, int row) throws SQLException {
        return new Category(rs.getString("code"), rs.getString("parent_code"),
                WorkOrderType.valueOf(rs.getString("type")), rs.getString("name"), rs.getString("name_en"),
                rs.getInt("sort_order"), rs.getBoolean("enabled"));
    }

    static WorkOrder map(ResultSet rs, int row) throws SQLException {
        String subType = rs.getString("sub_type");
        String suspendedFrom = rs.getString("suspended_from");
        String satisfaction = rs.getString("satisfaction");
        long repeatOf = rs.getLong("repeat_of_id");
        Long repeatOfId = rs.wasNull() ? null : repeatOf;
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new WorkOrder(new WorkOrderId(rs.getLong("id")), rs.getString("number"),
                WorkOrderType.valueOf(rs.getString("type")), subType == null ? null : SubType.valueOf(subType),
                rs.getString("category_code"), Channel.valueOf(rs.getString("channel")),
                Priority.valueOf(rs.getString("priority")), WorkOrderStatus.valueOf(rs.getString("status")),
                rs.getString("customer_number"), rs.getString("caller_name"), rs.getString("caller_phone"),
                rs.getString("address"), rs.getString("area_type"), rs.getLong("unit_id"), rs.getString("unit_code"),
                rs.getString("handler"), rs.getString("description"),
                new WorkOrder.Flags(rs.getBoolean("sensitive"), rs.getBoolean("media"),
                        rs.getBoolean("escalation_risk"), rs.getBoolean("repeat")),
                repeatOfId, parentId, suspendedFrom == null ? null : WorkOrderStatus.valueOf(suspendedFrom),
                instant(rs, "arrived_at"), instant(rs, "restored_at"), rs.getString("reply_text"),
                rs.getString("result"), satisfaction == null ? null : VisitResult.valueOf(satisfaction),
                rs.getInt("urge_count"), rs.getInt("reopen_count"), rs.getString("supervise_note"),
                instant(rs, "supervise_due_at"), rs.getString("created_by"), instant(rs, "created_at"),
                instant(rs, "updated_at"), rs.getInt("version"), rs.getString("sla_state"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
