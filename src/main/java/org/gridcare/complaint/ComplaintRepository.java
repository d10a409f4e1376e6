package org.gridcare.complaint;

import java.sql.Date;
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
import org.gridcare.shared.CommitWrites;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.PageResult;
import org.gridcare.shared.SequenceBlock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ComplaintRepository {

    /** A case is visible to the scope of its unit and to that of its responsible unit (which may appeal). */
    static final String IN_SCOPE = "(:all or c.unit_id = any(:units) or c.responsible_unit_id = any(:units))";
    /** Late now: a running clock past its due time or an unfinished action past its due day. */
    static final String OVERDUE = """
            (exists (select 1 from complaint_deadline d where d.case_id = c.id and d.stopped_at is null
                                                           and d.due_at < :now)
             or exists (select 1 from complaint_action a where a.case_id = c.id and a.status = 'OPEN'
                                                          and a.due_date < :today))""";
    private static final String SELECT = "select c.*, p.order_number as repeat_of_number, " + OVERDUE
            + " as overdue from complaint_case c left join complaint_case p on p.id = c.repeat_of_id";

    /** Case ids taken from the sequence per round trip. */
    private static final int ID_BLOCK = 32;

    private final JdbcClient jdbc;
    private final SequenceBlock ids;

    ComplaintRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.ids = new SequenceBlock(jdbc, "complaint_case_id_seq", ID_BLOCK);
    }

    /**
     * A case to open with its repeat window's start (null: link none), its two deadlines, and its OPENED event's
     * actor (whoever took the complaint) and detail.
     */
    record NewCase(ComplaintCase c, Instant repeatSince, Deadline investigation, Deadline closure, String actor,
                   String detail) {
    }

    /** A case opened for an order. */
    record OpenedFor(long orderId, long id) {
    }

    /**
     * Opens the cases of new complaint orders in one statement (each column an array): the cases, each linked to
     * its customer's latest case received in {@code [repeatSince, received)} (none when null), their running deadlines
     * and OPENED events (whose detail gets " · repeat" when a previous case was found). An order that has its case
     * already gets nothing. A case opened by the same statement counts as earlier when received earlier (or at the
     * same moment, under a lower id): two complaints of a customer in one group of intakes are linked. A case opened
     * from an order has no injury or special event yet.
     */
    List<OpenedFor> openAll(List<NewCase> cases, Instant at) {
        return jdbc.sql(openSql(false)).params(openParameters(cases, nextIds(cases.size()), at))
                .query((rs, row) -> new OpenedFor(rs.getLong("order_id"), rs.getLong("id"))).list();
    }

    /**
     * As {@link #openAll} for the complaint orders accepted in the current transaction, under the ids given (taken
     * with {@link #nextIds}), sent with the transaction's end writes ({@code endWrites}) rather than in a round trip
     * of its own; an order that has its case already fails the commit.
     */
    void openAllAtCommit(List<NewCase> cases, long[] ids, Instant at, CommitWrites endWrites) {
        endWrites.add(openSql(true), openParameters(cases, ids, at));
    }

    /** Ids for cases about to be opened. */
    long[] nextIds(int n) {
        return ids.next(n);
    }

    /**
     * The opening statement: the cases (under the given ids), their deadlines and their events; at
     * commit it returns nothing (the events' insert is the statement itself), otherwise the cases opened.
     */
    private static String openSql(boolean atCommit) {
        String event = """
                    insert into complaint_event (case_id, occurred_at, actor, action, detail)
                    select c.id, :at, i.actor, 'OPENED', left(i.detail
                           || case when c.repeat_of_id is null then '' else ' · repeat' end, %d)
                      from created c join input i on i.order_id = c.order_id
                """.formatted(DETAIL_MAX);
        return """
                with input as (
                    select * from unnest(cast(:ids as bigint[]), cast(:orders as bigint[]), cast(:numbers as varchar[]),
                        cast(:units as bigint[]),
                        cast(:customers as varchar[]), cast(:channels as varchar[]), cast(:sources as varchar[]),
                        cast(:categories as varchar[]), cast(:grades as varchar[]), cast(:reasons as varchar[]),
                        cast(:media as boolean[]), cast(:risks as boolean[]), cast(:received as timestamptz[]),
                        cast(:since as timestamptz[]), cast(:investigationWarn as timestamptz[]),
                        cast(:investigationDue as timestamptz[]), cast(:closureWarn as timestamptz[]),
                        cast(:closureDue as timestamptz[]), cast(:actors as varchar[]), cast(:details as varchar[]))
                        as i (id, order_id, order_number, unit_id, customer_number, channel, source, category_code,
                              grade, grade_reason, media, escalation_risk, received_at, since, investigation_warn,
                              investigation_due, closure_warn, closure_due, actor, detail)
                ), created as (
                    insert into complaint_case (id, order_id, order_number, unit_id, customer_number, channel, source,
                        category_code, grade, grade_reason, injury, media, special_event, escalation_risk,
                        repeat_of_id, status, received_at, created_at, updated_at)
                    select i.id, i.order_id, i.order_number, i.unit_id, i.customer_number, i.channel, i.source,
                        i.category_code, i.grade, i.grade_reason, false, i.media, false, i.escalation_risk,
                        -- the customer's latest earlier case, among those written and those of this statement
                        (select p.id from (
                            (select p.id, p.received_at from complaint_case p
                              where p.customer_number = i.customer_number and p.received_at < i.received_at
                                and p.received_at >= i.since
                              order by p.received_at desc, p.id desc limit 1)
                            union all
                            select j.id, j.received_at from input j
                             where j.customer_number = i.customer_number and j.received_at >= i.since
                               and (j.received_at < i.received_at or (j.received_at = i.received_at and j.id < i.id))
                               and not exists (select 1 from complaint_case e where e.order_id = j.order_id)
                          ) p order by p.received_at desc, p.id desc limit 1),
                        :status, i.received_at, :at, :at
                      from input i
                    %s
                    returning id, order_id, repeat_of_id
                ), deadlines as (
                    insert into complaint_deadline (case_id, kind, started_at, warn_at, due_at)
                    select c.id, d.kind, i.received_at, d.warn, d.due
                      from created c join input i on i.order_id = c.order_id
                     cross join lateral (values (cast(:investigation as varchar), i.investigation_warn,
                                                 i.investigation_due),
                                                (cast(:closure as varchar), i.closure_warn, i.closure_due))
                           d (kind, warn, due)
                )
                """.formatted(atCommit ? "" : "on conflict (order_id) do nothing")
                + (atCommit ? event : ", event as (\n" + event + ")\nselect order_id, id from created");
    }

    /** The columns of {@code cases} as arrays, with their ids. */
    private static Map<String, Object> openParameters(List<NewCase> cases, long[] ids, Instant at) {
        int n = cases.size();
        Long[] caseIds = new Long[n];
        Long[] orders = new Long[n];
        String[] numbers = new String[n];
        Long[] units = new Long[n];
        String[] customers = new String[n];
        String[] channels = new String[n];
        String[] sources = new String[n];
        String[] categories = new String[n];
        String[] grades = new String[n];
        String[] reasons = new String[n];
        Boolean[] media = new Boolean[n];
        Boolean[] risks = new Boolean[n];
        String[] received = new String[n];
        String[] since = new String[n];
        String[] investigationWarn = new String[n];
        String[] investigationDue = new String[n];
        String[] closureWarn = new String[n];
        String[] closureDue = new String[n];
        String[] actors = new String[n];
        String[] details = new String[n];
        for (int i = 0; i < n; i++) {
            NewCase x = cases.get(i);
            ComplaintCase c = x.c();
            caseIds[i] = ids[i];
            orders[i] = c.orderId;
            numbers[i] = c.orderNumber;
            units[i] = c.unitId;
            customers[i] = c.customerNumber;
            channels[i] = c.channel;
            sources[i] = c.source.name();
            categories[i] = c.categoryCode;
            grades[i] = c.grade.name();
            reasons[i] = c.gradeReason;
            media[i] = c.media;
            risks[i] = c.escalationRisk;
            received[i] = c.receivedAt.toString();
            since[i] = x.repeatSince() == null ? null : x.repeatSince().toString();
            investigationWarn[i] = x.investigation().warnAt().toString();
            investigationDue[i] = x.investigation().dueAt().toString();
            closureWarn[i] = x.closure().warnAt().toString();
            closureDue[i] = x.closure().dueAt().toString();
            actors[i] = x.actor();
            details[i] = x.detail();
        }
        Map<String, Object> p = new HashMap<>();
        p.put("ids", caseIds);
        p.put("orders", orders);
        p.put("numbers", numbers);
        p.put("units", units);
        p.put("customers", customers);
        p.put("channels", channels);
        p.put("sources", sources);
        p.put("categories", categories);
        p.put("grades", grades);
        p.put("reasons", reasons);
        p.put("media", media);
        p.put("risks", risks);
        p.put("received", received);
        p.put("since", since);
        p.put("actors", actors);
        p.put("investigationWarn", investigationWarn);
        p.put("investigationDue", investigationDue);
        p.put("closureWarn", closureWarn);
        p.put("closureDue", closureDue);
        p.put("details", details);
        p.put("investigation", cases.get(0).investigation().kind());
        p.put("closure", cases.get(0).closure().kind());
        p.put("status", ComplaintStatus.OPEN.name());
        p.put("at", ts(at));
        return p;
    }

    boolean update(ComplaintCase c) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", c.id);
        p.put("version", c.version);
        p.put("source", c.source.name());
        p.put("category", c.categoryCode);
        p.put("grade", c.grade.name());
        p.put("gradeReason", c.gradeReason);
        p.put("injury", c.injury);
        p.put("media", c.media);
        p.put("special", c.specialEvent);
        p.put("risk", c.escalationRisk);
        p.put("status", c.status.name());
        p.put("findings", c.findings);
        p.put("rootCause", c.rootCause);
        p.put("responsibility", c.responsibility == null ? null : c.responsibility.name());
        p.put("respUnit", c.responsibleUnitId);
        p.put("respStaff", c.responsibleStaff);
        p.put("invBy", c.investigatedBy);
        p.put("invAt", ts(c.investigatedAt));
        p.put("apprBy", c.approvedBy);
        p.put("apprAt", ts(c.approvedAt));
        p.put("reviewComment", c.reviewComment);
        p.put("appeal", c.appealStatus.name());
        p.put("appealReason", c.appealReason);
        p.put("appealBy", c.appealedBy);
        p.put("appealAt", ts(c.appealedAt));
        p.put("decBy", c.appealDecidedBy);
        p.put("decAt", ts(c.appealDecidedAt));
        p.put("appealComment", c.appealComment);
        p.put("closedAt", ts(c.closedAt));
        p.put("closedBy", c.closedBy);
        p.put("updatedAt", ts(c.updatedAt));
        return jdbc.sql("""
                update complaint_case set source = :source, category_code = :category, grade = :grade,
                       grade_reason = :gradeReason, injury = :injury, media = :media, special_event = :special,
                       escalation_risk = :risk, status = :status, findings = :findings, root_cause = :rootCause,
                       responsibility = :responsibility, responsible_unit_id = :respUnit,
                       responsible_staff = :respStaff, investigated_by = :invBy, investigated_at = :invAt,
                       approved_by = :apprBy, approved_at = :apprAt, review_comment = :reviewComment,
                       appeal_status = :appeal, appeal_reason = :appealReason, appealed_by = :appealBy,
                       appealed_at = :appealAt, appeal_decided_by = :decBy, appeal_decided_at = :decAt,
                       appeal_comment = :appealComment, closed_at = :closedAt, closed_by = :closedBy,
                       updated_at = :updatedAt, version = version + 1
                 where id = :id and version = :version
                """).params(p).update() == 1;
    }

    /** A found case with what the view needs beside it. */
    record Found(ComplaintCase c, String repeatOfNumber, boolean overdue) {
    }

    Optional<Found> find(long id, DataScope scope, Instant now, LocalDate today) {
        return jdbc.sql(SELECT + " where c.id = :id and " + IN_SCOPE).param("id", id).param("all", scope.all())
                .param("units", scope.unitIdArray()).param("now", ts(now)).param("today", Date.valueOf(today))
                .query(ComplaintRepository::found).optional();
    }

    /** The case of an order, without scope (system use: listeners). */
    Optional<ComplaintCase> findByOrder(long orderId) {
        return jdbc.sql("select c.* from complaint_case c where c.order_id = :id").param("id", orderId)
                .query(ComplaintRepository::map).optional();
    }

    /** The latest earlier case of the customer received at or after {@code since}. */
    /** Links the imported cases of {@code [firstOrder, lastOrder]} to the customer's previous case in the window. */
    int linkRepeats(long firstOrder, long lastOrder, int windowDays) {
        return jdbc.sql("""
                update complaint_case c set repeat_of_id = (
                         select p.id from complaint_case p
                          where p.customer_number = c.customer_number and p.received_at < c.received_at
                            and p.received_at >= c.received_at - make_interval(days => :days)
                          order by p.received_at desc, p.id desc limit 1)
                 where c.order_id between :first and :last and c.customer_number is not null
                   and c.repeat_of_id is null
                """).param("first", firstOrder).param("last", lastOrder).param("days", windowDays).update();
    }

    /** The list filters; {@code unitIds}: a unit subtree; {@code category}: a category and its sub-categories. */
    record Filter(ComplaintStatus status, ComplaintGrade grade, String category, ComplaintSource source,
                  java.util.Collection<Long> unitIds, Responsibility responsibility, AppealStatus appeal,
                  Boolean overdue, Instant receivedFrom, Instant receivedTo) {
    }

    PageResult<Found> find(Filter f, DataScope scope, PageQuery page, Instant now, LocalDate today) {
        StringBuilder where = new StringBuilder(" where ").append(IN_SCOPE);
        Map<String, Object> params = new HashMap<>();
        params.put("all", scope.all());
        params.put("units", scope.unitIdArray());
        params.put("now", ts(now));
        params.put("today", Date.valueOf(today));
        if (f.status() != null) {
            where.append(" and c.status = :status");
            params.put("status", f.status().name());
        }
        if (f.grade() != null) {
            where.append(" and c.grade = :grade");
            params.put("grade", f.grade().name());
        }
        if (f.category() != null) {
            where.append(" and (c.category_code = :category or c.category_code like :categoryPrefix)");
            params.put("category", f.category());
            params.put("categoryPrefix", org.gridcare.shared.LikePatterns.literal(f.category()) + ".%");
        }
        if (f.source() != null) {
            where.append(" and c.source = :source");
            params.put("source", f.source().name());
        }
        if (f.unitIds() != null) {
            where.append(" and (c.unit_id = any(:subtree) or c.responsible_unit_id = any(:subtree))");
            params.put("subtree", f.unitIds().toArray(Long[]::new));
        }
        if (f.responsibility() != null) {
            where.append(" and c.responsibility = :responsibility and c.approved_at is not null");
            params.put("responsibility", f.responsibility().name());
        }
        if (f.appeal() != null) {
            where.append(" and c.appeal_status = :appeal");
            params.put("appeal", f.appeal().name());
        }
        if (f.overdue() != null) {
            where.append(f.overdue() ? " and " : " and not ").append(OVERDUE);
        }
        if (f.receivedFrom() != null) {
            where.append(" and c.received_at >= :from");
            params.put("from", ts(f.receivedFrom()));
        }
        if (f.receivedTo() != null) {
            where.append(" and c.received_at < :to");
            params.put("to", ts(f.receivedTo()));
        }
        long total = jdbc.sql("select count(*) from complaint_case c" + where).params(params).query(Long.class)
                .single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<Found> items = jdbc.sql(SELECT + where + " order by " + page.orderBy() + ", c.id desc"
                        + " limit :limit offset :offset").params(params).query(ComplaintRepository::found).list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    // ---- clocks

    /** A case clock to (re)start: its kind and when it warns and is due. */
    record Deadline(String kind, Instant warnAt, Instant dueAt) {
    }

    /** (Re)starts these clocks of a case from {@code start}, in one statement; a stopped clock stays stopped. */
    void startDeadlines(long caseId, Instant start, List<Deadline> deadlines) {
        StringBuilder values = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < deadlines.size(); i++) {
            Deadline d = deadlines.get(i);
            values.append(i == 0 ? "" : ", ").append("(:case, :kind").append(i).append(", :start, :warn").append(i)
                    .append(", :due").append(i).append(')');
            params.put("kind" + i, d.kind());
            params.put("warn" + i, ts(d.warnAt()));
            params.put("due" + i, ts(d.dueAt()));
        }
        params.put("case", caseId);
        params.put("start", ts(start));
        jdbc.sql("""
                insert into complaint_deadline (case_id, kind, started_at, warn_at, due_at)
                values %s
                on conflict (case_id, kind) do update set warn_at = excluded.warn_at, due_at = excluded.due_at,
                       warning_raised = false, breach_raised = false
                 where complaint_deadline.stopped_at is null
                """.formatted(values)).params(params).update();
    }

    /** Marks the alarms that came due before {@code now} as raised, for the cases of orders in a bulk load. */
    void claimPastOfOrders(long firstOrder, long lastOrder, Instant now) {
        jdbc.sql("""
                update complaint_deadline d set warning_raised = d.warn_at <= :now, breach_raised = d.due_at <= :now
                  from complaint_case c
                 where c.id = d.case_id and c.order_id between :first and :last and d.stopped_at is null
                """).param("now", ts(now)).param("first", firstOrder).param("last", lastOrder).update();
    }

    void stopDeadline(long caseId, String kind, Instant at) {
        jdbc.sql("update complaint_deadline set stopped_at = :at where case_id = :case and kind = :kind"
                        + " and stopped_at is null").param("at", ts(at)).param("case", caseId).param("kind", kind)
                .update();
    }

    List<ComplaintView.Deadline> deadlines(long caseId, Instant now) {
        return jdbc.sql("select * from complaint_deadline where case_id = :case order by due_at, id")
                .param("case", caseId).query((rs, i) -> {
                    Instant due = instant(rs, "due_at");
                    Instant stopped = instant(rs, "stopped_at");
                    String state;
                    if (stopped != null) {
                        state = stopped.isAfter(due) ? "LATE" : "MET";
                    } else if (now.isAfter(due)) {
                        state = "BREACHED";
                    } else {
                        state = now.isBefore(instant(rs, "warn_at")) ? "RUNNING" : "WARNING";
                    }
                    return new ComplaintView.Deadline(rs.getString("kind"), instant(rs, "started_at"), due, stopped,
                            state);
                }).list();
    }

    /** One alarm the scanner claimed. */
    record Alarm(long caseId, String kind, Instant dueAt, boolean breach) {
    }

    /** Flags up to {@code batch} due breaches (or warnings) that no other scan holds, and says which. */
    List<Alarm> claim(boolean breach, Instant now, int batch) {
        String sql = breach ? """
                update complaint_deadline set breach_raised = true, warning_raised = true
                 where id in (select id from complaint_deadline
                               where stopped_at is null and not breach_raised and due_at <= :now
                               order by due_at limit :batch for update skip locked)
                returning case_id, kind, due_at
                """ : """
                update complaint_deadline set warning_raised = true
                 where id in (select id from complaint_deadline
                               where stopped_at is null and not warning_raised and warn_at <= :now
                               order by warn_at limit :batch for update skip locked)
                returning case_id, kind, due_at
                """;
        return jdbc.sql(sql).param("now", ts(now)).param("batch", batch)
                .query((rs, i) -> new Alarm(rs.getLong("case_id"), rs.getString("kind"), instant(rs, "due_at"),
                        breach)).list();
    }

    // ---- rectification actions

    long insertAction(long caseId, String description, String owner, LocalDate due, String by, Instant at) {
        return jdbc.sql("""
                insert into complaint_action (case_id, description, owner, due_date, status, created_by, created_at)
                values (:case, :description, :owner, :due, 'OPEN', :by, :at) returning id
                """).param("case", caseId).param("description", description).param("owner", owner)
                .param("due", Date.valueOf(due)).param("by", by).param("at", ts(at)).query(Long.class).single();
    }

    List<ComplaintView.Rectification> actions(long caseId, LocalDate today) {
        return jdbc.sql("select * from complaint_action where case_id = :case order by id").param("case", caseId)
                .query((rs, i) -> {
                    LocalDate due = rs.getDate("due_date").toLocalDate();
                    RectificationStatus status = RectificationStatus.valueOf(rs.getString("status"));
                    return new ComplaintView.Rectification(rs.getLong("id"), rs.getString("description"),
                            rs.getString("owner"), due, status, rs.getString("completion"),
                            instant(rs, "completed_at"), rs.getString("verified_by"), instant(rs, "verified_at"),
                            rs.getString("verification"), status == RectificationStatus.OPEN && due.isBefore(today),
                            rs.getInt("version"));
                }).list();
    }

    boolean updateAction(long caseId, long actionId, int version, RectificationStatus status, String completion,
                         Instant completedAt, String verifiedBy, Instant verifiedAt, String verification) {
        return jdbc.sql("""
                update complaint_action set status = :status, completion = :completion, completed_at = :completedAt,
                       verified_by = :verifiedBy, verified_at = :verifiedAt, verification = :verification,
                       version = version + 1
                 where id = :id and case_id = :case and version = :version
                """).param("status", status.name()).param("completion", completion)
                .param("completedAt", ts(completedAt)).param("verifiedBy", verifiedBy)
                .param("verifiedAt", ts(verifiedAt)).param("verification", verification).param("id", actionId)
                .param("case", caseId).param("version", version).update() == 1;
    }

    // ---- evidence

    long insertAttachment(long caseId, EvidencePurpose purpose, String filename, String contentType, byte[] content,
                          String by, Instant at) {
        return jdbc.sql("""
                insert into complaint_attachment (case_id, purpose, filename, content_type, size_bytes, content,
                                                  uploaded_by, uploaded_at)
                values (:case, :purpose, :filename, :type, :size, :content, :by, :at) returning id
                """).param("case", caseId).param("purpose", purpose.name()).param("filename", filename)
                .param("type", contentType).param("size", content.length).param("content", content)
                .param("by", by).param("at", ts(at)).query(Long.class).single();
    }

    List<ComplaintView.Evidence> attachments(long caseId) {
        return jdbc.sql("""
                select id, purpose, filename, content_type, size_bytes, uploaded_by, uploaded_at
                  from complaint_attachment where case_id = :case order by id
                """).param("case", caseId).query((rs, i) -> new ComplaintView.Evidence(rs.getLong("id"),
                EvidencePurpose.valueOf(rs.getString("purpose")), rs.getString("filename"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("uploaded_by"),
                instant(rs, "uploaded_at"))).list();
    }

    /** An evidence file with its content. */
    record File(String filename, String contentType, byte[] content) {
    }

    Optional<File> attachment(long caseId, long id) {
        return jdbc.sql("select filename, content_type, content from complaint_attachment where case_id = :case"
                        + " and id = :id").param("case", caseId).param("id", id)
                .query((rs, i) -> new File(rs.getString("filename"), rs.getString("content_type"),
                        rs.getBytes("content"))).optional();
    }

    long countAttachments(long caseId, EvidencePurpose purpose) {
        return jdbc.sql("select count(*) from complaint_attachment where case_id = :case and purpose = :purpose")
                .param("case", caseId).param("purpose", purpose.name()).query(Long.class).single();
    }

    // ---- history and notices

    void insertEvent(long caseId, Instant at, String actor, String action, String detail) {
        jdbc.sql("""
                insert into complaint_event (case_id, occurred_at, actor, action, detail)
                values (:case, :at, :actor, :action, :detail)
                """).param("case", caseId).param("at", ts(at)).param("actor", actor).param("action", action)
                .param("detail", truncate(detail)).update();
    }

    List<ComplaintView.Event> history(long caseId) {
        return jdbc.sql("select * from complaint_event where case_id = :case order by id").param("case", caseId)
                .query((rs, i) -> new ComplaintView.Event(instant(rs, "occurred_at"), rs.getString("actor"),
                        rs.getString("action"), rs.getString("detail"))).list();
    }

    void insertNotice(long caseId, String orderNumber, long unitId, String role, String kind, String detail,
                      Instant at) {
        jdbc.sql(INSERT_NOTICE).params(notice(caseId, orderNumber, unitId, role, kind, detail, at)).update();
    }

    /** As {@link #insertNotice}, sent with the transaction's end writes (after a case opened there). */
    void insertNoticeAtCommit(long caseId, String orderNumber, long unitId, String role, String kind, String detail,
                              Instant at, CommitWrites endWrites) {
        endWrites.add(INSERT_NOTICE, notice(caseId, orderNumber, unitId, role, kind, detail, at));
    }

    private static final String INSERT_NOTICE = """
            insert into complaint_notice (case_id, order_number, unit_id, recipient_role, kind, detail, created_at)
            values (:case, :number, :unit, :role, :kind, :detail, :at)
            """;

    private static Map<String, Object> notice(long caseId, String orderNumber, long unitId, String role, String kind,
                                              String detail, Instant at) {
        Map<String, Object> p = new HashMap<>();
        p.put("case", caseId);
        p.put("number", orderNumber);
        p.put("unit", unitId);
        p.put("role", role);
        p.put("kind", kind);
        p.put("detail", truncate(detail));
        p.put("at", ts(at));
        return p;
    }

    /** A notice row with its unit id. */
    record NoticeRow(long id, long caseId, String orderNumber, long unitId, String kind, String detail, Instant at) {
    }

    List<NoticeRow> notices(DataScope scope, List<String> roles, Long caseId, int limit) {
        return jdbc.sql("""
                select * from complaint_notice n
                 where (:all or n.unit_id = any(:units)) and n.recipient_role = any(:roles)
                   and (cast(:case as bigint) is null or n.case_id = :case)
                 order by n.created_at desc, n.id desc limit :limit
                """).param("all", scope.all()).param("units", scope.unitIdArray())
                .param("roles", roles.toArray(String[]::new)).param("case", caseId).param("limit", limit)
                .query((rs, i) -> new NoticeRow(rs.getLong("id"), rs.getLong("case_id"), rs.getString("order_number"),
                        rs.getLong("unit_id"), rs.getString("kind"), rs.getString("detail"),
                        instant(rs, "created_at"))).list();
    }

    // ---- rules

    List<GradeRule> gradeRules() {
        return jdbc.sql("select * from complaint_grade_rule order by case grade when 'ORDINARY' then 1"
                        + " when 'IMPORTANT' then 2 else 3 end")
                .query((rs, i) -> new GradeRule(ComplaintGrade.valueOf(rs.getString("grade")),
                        rs.getInt("investigation_working_days"), rs.getInt("closure_working_days"),
                        rs.getInt("warn_percent"), rs.getBoolean("notify_leadership"), rs.getString("note"))).list();
    }

    void saveGradeRule(GradeRule rule, String by, Instant at) {
        jdbc.sql("""
                update complaint_grade_rule set investigation_working_days = :inv, closure_working_days = :clo,
                       warn_percent = :warn, notify_leadership = :notify, note = :note, updated_by = :by,
                       updated_at = :at
                 where grade = :grade
                """).param("inv", rule.investigationWorkingDays()).param("clo", rule.closureWorkingDays())
                .param("warn", rule.warnPercent()).param("notify", rule.notifyLeadership()).param("note", rule.note())
                .param("by", by).param("at", ts(at)).param("grade", rule.grade().name()).update();
    }

    Map<String, ComplaintSource> sourceRules() {
        Map<String, ComplaintSource> rules = new HashMap<>();
        jdbc.sql("select channel, source from complaint_source_rule").query((ResultSet rs) -> {
            rules.put(rs.getString("channel"), ComplaintSource.valueOf(rs.getString("source")));
        });
        return rules;
    }

    List<RootCause> rootCauses() {
        return jdbc.sql("select * from complaint_root_cause order by sort_order, code")
                .query((rs, i) -> new RootCause(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
                        rs.getBoolean("enabled"))).list();
    }

    // ---- per staff member

    List<StaffComplaint> substantiatedOf(java.util.Collection<String> staff, Instant from, Instant to) {
        return jdbc.sql("""
                select c.id, c.order_number, c.responsible_staff, coalesce(c.responsible_unit_id, c.unit_id) as unit_id,
                       c.category_code, c.received_at, c.appeal_status
                  from complaint_case c
                 where c.responsible_staff = any(:staff) and c.status <> 'WITHDRAWN'
                   and c.approved_at is not null and c.responsibility = 'SUBSTANTIATED'
                   and c.received_at >= :from and c.received_at < :to
                 order by c.responsible_staff, c.received_at, c.id
                """).param("staff", staff.toArray(String[]::new)).param("from", ts(from)).param("to", ts(to))
                .query((rs, i) -> {
                    AppealStatus appeal = AppealStatus.valueOf(rs.getString("appeal_status"));
                    return new StaffComplaint(rs.getLong("id"), rs.getString("order_number"),
                            rs.getString("responsible_staff"), rs.getLong("unit_id"), rs.getString("category_code"),
                            rs.getTimestamp("received_at").toInstant(), appeal, appeal != AppealStatus.ACCEPTED);
                }).list();
    }

    // ---- hotspots

    /** Cases received in {@code [from, to)} within the scope, counted per unit and category. */
    record Cell(long unitId, String category, long received, long substantiated, long afterAppeal) {
    }

    List<Cell> cells(DataScope scope, Instant from, Instant to) {
        return jdbc.sql("""
                select c.unit_id, c.category_code, count(*) as received,
                       count(*) filter (where c.approved_at is not null and c.responsibility = 'SUBSTANTIATED') as subst,
                       count(*) filter (where c.approved_at is not null and c.responsibility = 'SUBSTANTIATED'
                                          and c.appeal_status <> 'ACCEPTED') as after_appeal
                  from complaint_case c
                 where (:all or c.unit_id = any(:units)) and c.status <> 'WITHDRAWN'
                   and c.received_at >= :from and c.received_at < :to
                 group by c.unit_id, c.category_code
                """).param("all", scope.all()).param("units", scope.unitIdArray()).param("from", ts(from))
                .param("to", ts(to)).query((rs, i) -> new Cell(rs.getLong("unit_id"), rs.getString("category_code"),
                        rs.getLong("received"), rs.getLong("subst"), rs.getLong("after_appeal"))).list();
    }

    /** Cases received per Shanghai month in {@code [from, to)} within the scope. */
    record Month(String month, long received, long substantiated, long afterAppeal) {
    }

    List<Month> months(DataScope scope, Instant from, Instant to) {
        return jdbc.sql("""
                select to_char(c.received_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*) as received,
                       count(*) filter (where c.approved_at is not null and c.responsibility = 'SUBSTANTIATED') as subst,
                       count(*) filter (where c.approved_at is not null and c.responsibility = 'SUBSTANTIATED'
                                          and c.appeal_status <> 'ACCEPTED') as after_appeal
                  from complaint_case c
                 where (:all or c.unit_id = any(:units)) and c.status <> 'WITHDRAWN'
                   and c.received_at >= :from and c.received_at < :to
                 group by 1 order by 1
                """).param("all", scope.all()).param("units", scope.unitIdArray()).param("from", ts(from))
                .param("to", ts(to)).query((rs, i) -> new Month(rs.getString("month"), rs.getLong("received"),
                        rs.getLong("subst"), rs.getLong("after_appeal"))).list();
    }

    // ---- mapping

    private static Found found(ResultSet rs, int row) throws SQLException {
        return new Found(map(rs, row), rs.getString("repeat_of_number"), rs.getBoolean("overdue"));
    }

    static ComplaintCase map(ResultSet rs, int row) throws SQLException {
        Long repeatOf = rs.getObject("repeat_of_id", Long.class);
        ComplaintCase c = new ComplaintCase(rs.getLong("id"), rs.getLong("order_id"), rs.getString("order_number"),
                rs.getLong("unit_id"), rs.getString("customer_number"), rs.getString("channel"),
                ComplaintSource.valueOf(rs.getString("source")), rs.getString("category_code"),
                ComplaintGrade.valueOf(rs.getString("grade")), rs.getString("grade_reason"), rs.getBoolean("injury"),
                rs.getBoolean("media"), rs.getBoolean("special_event"), rs.getBoolean("escalation_risk"),
                repeatOf,
                ComplaintStatus.valueOf(rs.getString("status")), instant(rs, "received_at"),
                instant(rs, "created_at"), rs.getInt("version"));
        c.findings = rs.getString("findings");
        c.rootCause = rs.getString("root_cause");
        String responsibility = rs.getString("responsibility");
        c.responsibility = responsibility == null ? null : Responsibility.valueOf(responsibility);
        long responsibleUnit = rs.getLong("responsible_unit_id");
        c.responsibleUnitId = rs.wasNull() ? null : responsibleUnit;
        c.responsibleStaff = rs.getString("responsible_staff");
        c.investigatedBy = rs.getString("investigated_by");
        c.investigatedAt = instant(rs, "investigated_at");
        c.approvedBy = rs.getString("approved_by");
        c.approvedAt = instant(rs, "approved_at");
        c.reviewComment = rs.getString("review_comment");
        c.appealStatus = AppealStatus.valueOf(rs.getString("appeal_status"));
        c.appealReason = rs.getString("appeal_reason");
        c.appealedBy = rs.getString("appealed_by");
        c.appealedAt = instant(rs, "appealed_at");
        c.appealDecidedBy = rs.getString("appeal_decided_by");
        c.appealDecidedAt = instant(rs, "appeal_decided_at");
        c.appealComment = rs.getString("appeal_comment");
        c.closedAt = instant(rs, "closed_at");
        c.closedBy = rs.getString("closed_by");
        c.updatedAt = instant(rs, "updated_at");
        return c;
    }

    /** The longest event or notice detail kept. */
    private static final int DETAIL_MAX = 2000;

    private static String truncate(String detail) {
        return detail == null || detail.length() <= DETAIL_MAX ? detail : detail.substring(0, DETAIL_MAX);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
