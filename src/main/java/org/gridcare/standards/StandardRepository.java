package org.gridcare.standards;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gridcare.sla.ClockClause;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The standards tables, in plain SQL. Updates check the row's {@code version} (optimistic locking). */
@Repository
class StandardRepository {

    private final JdbcClient jdbc;

    StandardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- standards

    long insertStandard(Standard s) {
        return jdbc.sql("""
                insert into std_standard (code, title, category, owner_unit_id, scope_unit_ids, scope_roles,
                    review_interval_months, next_review_on, created_by, created_at, updated_at)
                values (:code, :title, :category, :owner, :units, :roles, :interval, :nextReview, :by, :at, :at)
                returning id
                """)
                .param("code", s.code()).param("title", s.title()).param("category", s.category().name())
                .param("owner", s.ownerUnitId()).param("units", s.scopeUnitIds().toArray(Long[]::new))
                .param("roles", s.scopeRoles().stream().sorted().toArray(String[]::new))
                .param("interval", s.reviewIntervalMonths()).param("nextReview", date(s.nextReviewOn()))
                .param("by", s.createdBy()).param("at", Timestamp.from(s.createdAt()))
                .query(Long.class).single();
    }

    boolean updateStandard(Standard s, Instant at) {
        return jdbc.sql("""
                update std_standard set title = :title, category = :category, owner_unit_id = :owner,
                    scope_unit_ids = :units, scope_roles = :roles, review_interval_months = :interval,
                    next_review_on = :nextReview, review_reminded_on = :reminded, updated_at = :at,
                    version = version + 1
                where id = :id and version = :version
                """)
                .param("title", s.title()).param("category", s.category().name()).param("owner", s.ownerUnitId())
                .param("units", s.scopeUnitIds().toArray(Long[]::new))
                .param("roles", s.scopeRoles().stream().sorted().toArray(String[]::new))
                .param("interval", s.reviewIntervalMonths()).param("nextReview", date(s.nextReviewOn()))
                .param("reminded", date(s.reviewRemindedOn())).param("at", Timestamp.from(at))
                .param("id", s.id()).param("version", s.version())
                .update() == 1;
    }

    Optional<Standard> findByCode(String code) {
        return jdbc.sql("select * from std_standard where code = :code").param("code", code)
                .query(StandardRepository::standard).optional();
    }

    Optional<Standard> findById(long id) {
        return jdbc.sql("select * from std_standard where id = :id").param("id", id)
                .query(StandardRepository::standard).optional();
    }

    /** Locks the standard's row: publications and switches of one standard run one at a time. */
    Standard lock(long id) {
        return jdbc.sql("select * from std_standard where id = :id for update").param("id", id)
                .query(StandardRepository::standard).single();
    }

    List<Standard> all(StandardCategory category) {
        return jdbc.sql("""
                select * from std_standard where (cast(:category as text) is null or category = :category)
                order by code
                """)
                .param("category", category == null ? null : category.name())
                .query(StandardRepository::standard).list();
    }

    List<Standard> dueForReview(LocalDate today) {
        return jdbc.sql("""
                select s.* from std_standard s
                where s.next_review_on <= :today
                  and (s.review_reminded_on is null or s.review_reminded_on < s.next_review_on)
                  and exists (select 1 from std_version v where v.standard_id = s.id and v.status = 'PUBLISHED')
                order by s.next_review_on, s.code
                """)
                .param("today", Date.valueOf(today)).query(StandardRepository::standard).list();
    }

    // ---- versions

    long insertVersion(long standardId, int number, String body, String changeNote, String author, Instant at) {
        return jdbc.sql("""
                insert into std_version (standard_id, number, status, body, change_note, author, created_at, updated_at)
                values (:standard, :number, 'DRAFT', :body, :note, :author, :at, :at) returning id
                """)
                .param("standard", standardId).param("number", number).param("body", body)
                .param("note", changeNote).param("author", author).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    boolean updateVersion(StandardVersion v, Instant at) {
        return jdbc.sql("""
                update std_version set status = :status, body = :body, change_note = :note, updated_at = :at,
                    submitted_at = :submitted, approved_by = :approvedBy, approved_at = :approvedAt,
                    effective_from = :effective, published_by = :publishedBy, published_at = :publishedAt,
                    ended_at = :ended, sla_policy_number = :policy, version = version + 1
                where id = :id and version = :version
                """)
                .param("status", v.status().name()).param("body", v.body()).param("note", v.changeNote())
                .param("at", Timestamp.from(at)).param("submitted", ts(v.submittedAt()))
                .param("approvedBy", v.approvedBy()).param("approvedAt", ts(v.approvedAt()))
                .param("effective", ts(v.effectiveFrom())).param("publishedBy", v.publishedBy())
                .param("publishedAt", ts(v.publishedAt())).param("ended", ts(v.endedAt()))
                .param("policy", v.slaPolicyNumber()).param("id", v.id()).param("version", v.version())
                .update() == 1;
    }

    Optional<StandardVersion> version(long standardId, int number) {
        return jdbc.sql("select * from std_version where standard_id = :s and number = :n")
                .param("s", standardId).param("n", number).query(StandardRepository::version).optional();
    }

    Optional<StandardVersion> versionById(long id) {
        return jdbc.sql("select * from std_version where id = :id").param("id", id)
                .query(StandardRepository::version).optional();
    }

    List<StandardVersion> versions(long standardId) {
        return jdbc.sql("select * from std_version where standard_id = :s order by number desc")
                .param("s", standardId).query(StandardRepository::version).list();
    }

    Optional<StandardVersion> inForce(long standardId) {
        return jdbc.sql("select * from std_version where standard_id = :s and status = 'PUBLISHED'")
                .param("s", standardId).query(StandardRepository::version).optional();
    }

    Optional<StandardVersion> openRevision(long standardId) {
        return jdbc.sql("""
                select * from std_version where standard_id = :s and status in ('DRAFT', 'IN_REVIEW', 'APPROVED')
                """).param("s", standardId).query(StandardRepository::version).optional();
    }

    int nextNumber(long standardId) {
        return jdbc.sql("select coalesce(max(number), 0) + 1 from std_version where standard_id = :s")
                .param("s", standardId).query(Integer.class).single();
    }

    /** Scheduled versions whose effective moment has come. */
    List<StandardVersion> dueForSwitch(Instant now) {
        return jdbc.sql("""
                select * from std_version where status = 'APPROVED' and effective_from is not null
                  and effective_from <= :now order by effective_from
                """).param("now", Timestamp.from(now)).query(StandardRepository::version).list();
    }

    // ---- clauses

    Clauses clauses(long versionId) {
        List<ClockClause> clocks = jdbc.sql("""
                select * from std_clause where version_id = :v and kind = 'SLA_CLOCK' order by position
                """).param("v", versionId).query((rs, n) -> new ClockClause(rs.getString("clock_name"),
                        rs.getString("order_type"), rs.getString("sub_type"), rs.getString("priority"),
                        rs.getString("area_type"), rs.getString("channel"), strings(rs.getArray("start_events")),
                        strings(rs.getArray("stop_events")), (Integer) rs.getObject("amount"), rs.getString("unit"),
                        (Integer) rs.getObject("warning_percent"), rs.getString("note")))
                .list();
        List<Clauses.ReplyClause> replies = jdbc.sql("""
                select * from std_clause where version_id = :v and kind = 'REPLY_ELEMENT' order by position
                """).param("v", versionId).query((rs, n) -> new Clauses.ReplyClause(rs.getString("order_type"),
                        rs.getString("element_code"), rs.getString("label"), strings(rs.getArray("keywords"))))
                .list();
        Map<String, List<Clauses.RubricItem>> items = new LinkedHashMap<>();
        Map<String, String> titles = new HashMap<>();
        jdbc.sql("""
                select * from std_clause where version_id = :v and kind = 'RUBRIC_ITEM' order by position
                """).param("v", versionId).query((rs, n) -> {
                    String type = rs.getString("order_type");
                    titles.putIfAbsent(type, rs.getString("rubric_title"));
                    items.computeIfAbsent(type, t -> new ArrayList<>()).add(new Clauses.RubricItem(
                            rs.getString("element_code"), rs.getString("item_name"), rs.getString("name_en"),
                            rs.getString("description"), rs.getBigDecimal("points"), rs.getString("severity")));
                    return type;
                }).list();
        List<Clauses.RubricClause> rubrics = items.entrySet().stream()
                .map(e -> new Clauses.RubricClause(e.getKey(), titles.get(e.getKey()), e.getValue())).toList();
        return new Clauses(clocks, replies, rubrics);
    }

    void replaceClauses(long versionId, Clauses clauses) {
        jdbc.sql("delete from std_clause where version_id = :v").param("v", versionId).update();
        for (int i = 0; i < clauses.clocks().size(); i++) {
            ClockClause c = clauses.clocks().get(i);
            jdbc.sql("""
                    insert into std_clause (version_id, kind, position, clock_name, order_type, sub_type, priority,
                        area_type, channel, start_events, stop_events, amount, unit, warning_percent, note)
                    values (:v, 'SLA_CLOCK', :pos, :clock, :type, :subType, :priority, :area, :channel, :starts, :stops,
                        :amount, :unit, :warning, :note)
                    """)
                    .param("v", versionId).param("pos", i).param("clock", c.clockName()).param("type", c.orderType())
                    .param("subType", c.subType()).param("priority", c.priority()).param("area", c.areaType())
                    .param("channel", c.channel()).param("starts", c.startEvents().toArray(String[]::new))
                    .param("stops", c.stopEvents().toArray(String[]::new)).param("amount", c.amount())
                    .param("unit", c.unit()).param("warning", c.warningPercent()).param("note", c.note())
                    .update();
        }
        for (int i = 0; i < clauses.replyElements().size(); i++) {
            Clauses.ReplyClause r = clauses.replyElements().get(i);
            jdbc.sql("""
                    insert into std_clause (version_id, kind, position, order_type, element_code, label, keywords)
                    values (:v, 'REPLY_ELEMENT', :pos, :type, :code, :label, :keywords)
                    """)
                    .param("v", versionId).param("pos", i).param("type", r.orderType()).param("code", r.code())
                    .param("label", r.label()).param("keywords", r.keywords().toArray(String[]::new))
                    .update();
        }
        int position = 0;
        for (Clauses.RubricClause r : clauses.rubrics()) {
            for (Clauses.RubricItem item : r.items()) {
                jdbc.sql("""
                        insert into std_clause (version_id, kind, position, order_type, rubric_title, element_code,
                            item_name, name_en, description, points, severity)
                        values (:v, 'RUBRIC_ITEM', :pos, :type, :title, :code, :name, :nameEn, :description, :points,
                            :severity)
                        """)
                        .param("v", versionId).param("pos", position++).param("type", r.orderType())
                        .param("title", Standards.blankToNull(r.title())).param("code", item.code().trim())
                        .param("name", item.name().trim()).param("nameEn", Standards.blankToNull(item.nameEn()))
                        .param("description", Standards.blankToNull(item.description()))
                        .param("points", item.points()).param("severity", item.severity().trim())
                        .update();
            }
        }
    }

    // ---- reviews and proposals

    void insertReview(long versionId, String author, String kind, String body, Instant at) {
        jdbc.sql("""
                insert into std_review (version_id, author, kind, body, created_at) values (:v, :author, :kind, :body, :at)
                """).param("v", versionId).param("author", author).param("kind", kind).param("body", body)
                .param("at", Timestamp.from(at)).update();
    }

    List<StandardViews.Review> reviews(long versionId) {
        return jdbc.sql("select * from std_review where version_id = :v order by created_at, id").param("v", versionId)
                .query((rs, n) -> new StandardViews.Review(rs.getString("author"), rs.getString("kind"),
                        rs.getString("body"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    long insertProposal(long standardId, String author, String body, Instant at) {
        return jdbc.sql("""
                insert into std_proposal (standard_id, author, body, status, created_at)
                values (:s, :author, :body, 'OPEN', :at) returning id
                """).param("s", standardId).param("author", author).param("body", body).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    Optional<StandardViews.Proposal> proposal(long standardId, long id) {
        return jdbc.sql("select * from std_proposal where standard_id = :s and id = :id").param("s", standardId)
                .param("id", id).query(StandardRepository::proposal).optional();
    }

    List<StandardViews.Proposal> proposals(long standardId) {
        return jdbc.sql("select * from std_proposal where standard_id = :s order by created_at desc, id desc")
                .param("s", standardId).query(StandardRepository::proposal).list();
    }

    boolean handleProposal(long id, String status, Long draftVersionId, String by, Instant at) {
        return jdbc.sql("""
                update std_proposal set status = :status, draft_version_id = :draft, handled_by = :by, handled_at = :at
                where id = :id and status = 'OPEN'
                """).param("status", status).param("draft", draftVersionId).param("by", by)
                .param("at", Timestamp.from(at)).param("id", id).update() == 1;
    }

    // ---- attachments

    long insertAttachment(long standardId, String fileName, String contentType, byte[] content, String by, Instant at) {
        return jdbc.sql("""
                insert into std_attachment (standard_id, file_name, content_type, size_bytes, content, uploaded_by, uploaded_at)
                values (:s, :name, :type, :size, :content, :by, :at) returning id
                """).param("s", standardId).param("name", fileName).param("type", contentType)
                .param("size", content.length).param("content", content).param("by", by)
                .param("at", Timestamp.from(at)).query(Long.class).single();
    }

    List<StandardViews.Attachment> attachments(long standardId) {
        return jdbc.sql("""
                select id, file_name, content_type, size_bytes, uploaded_by, uploaded_at from std_attachment
                where standard_id = :s order by uploaded_at, id
                """).param("s", standardId).query((rs, n) -> new StandardViews.Attachment(rs.getLong("id"),
                        rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
                        rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant()))
                .list();
    }

    Optional<byte[]> attachmentContent(long standardId, long id) {
        return jdbc.sql("select content from std_attachment where standard_id = :s and id = :id")
                .param("s", standardId).param("id", id).query((rs, n) -> rs.getBytes("content")).optional();
    }

    // ---- acknowledgements and notices

    void insertAcknowledgement(long versionId, long userId, String username, String displayName, long unitId,
                               Instant at, Instant due) {
        jdbc.sql("""
                insert into std_acknowledgement (version_id, user_id, username, display_name, unit_id, assigned_at, due_at)
                values (:v, :user, :username, :name, :unit, :at, :due) on conflict (version_id, user_id) do nothing
                """).param("v", versionId).param("user", userId).param("username", username)
                .param("name", displayName).param("unit", unitId).param("at", Timestamp.from(at))
                .param("due", Timestamp.from(due)).update();
    }

    List<StandardViews.Acknowledgement> acknowledgements(long versionId, Set<Long> unitIds) {
        return jdbc.sql("""
                select * from std_acknowledgement where version_id = :v
                  and (cast(:units as bigint[]) is null or unit_id = any(:units))
                order by acknowledged_at nulls first, due_at, lower(username)
                """).param("v", versionId).param("units", unitIds == null ? null : unitIds.toArray(Long[]::new))
                .query(StandardRepository::acknowledgement).list();
    }

    boolean acknowledge(long versionId, long userId, Instant at) {
        return jdbc.sql("""
                update std_acknowledgement set acknowledged_at = :at
                where version_id = :v and user_id = :user and acknowledged_at is null
                """).param("at", Timestamp.from(at)).param("v", versionId).param("user", userId).update() == 1;
    }

    /** This user's acknowledgements still to give, with the standard they belong to. */
    List<StandardViews.Task> pendingTasks(long userId) {
        return jdbc.sql("""
                select s.code, s.title, v.number, a.assigned_at, a.due_at from std_acknowledgement a
                join std_version v on v.id = a.version_id join std_standard s on s.id = v.standard_id
                where a.user_id = :user and a.acknowledged_at is null and v.status = 'PUBLISHED'
                order by a.due_at, s.code
                """).param("user", userId).query((rs, n) -> new StandardViews.Task(rs.getString("code"),
                        rs.getString("title"), rs.getInt("number"), rs.getTimestamp("assigned_at").toInstant(),
                        rs.getTimestamp("due_at").toInstant()))
                .list();
    }

    void insertNotice(String recipient, long standardId, Long versionId, String kind, Instant at) {
        jdbc.sql("""
                insert into std_notice (recipient, standard_id, version_id, kind, created_at)
                values (:to, :s, :v, :kind, :at)
                """).param("to", recipient).param("s", standardId).param("v", versionId).param("kind", kind)
                .param("at", Timestamp.from(at)).update();
    }

    List<StandardViews.Notice> notices(String recipient, int limit) {
        return jdbc.sql("""
                select n.id, s.code, s.title, v.number, n.kind, n.created_at, n.read_at from std_notice n
                join std_standard s on s.id = n.standard_id left join std_version v on v.id = n.version_id
                where n.recipient = :to order by n.created_at desc, n.id desc limit :limit
                """).param("to", recipient).param("limit", limit)
                .query((rs, n) -> new StandardViews.Notice(rs.getLong("id"), rs.getString("code"),
                        rs.getString("title"), (Integer) rs.getObject("number"), rs.getString("kind"),
                        rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("read_at"))))
                .list();
    }

    int markNoticesRead(String recipient, Instant at) {
        return jdbc.sql("update std_notice set read_at = :at where recipient = :to and read_at is null")
                .param("at", Timestamp.from(at)).param("to", recipient).update();
    }

    // ---- mapping

    private static Standard standard(ResultSet rs, int n) throws SQLException {
        Array units = rs.getArray("scope_unit_ids");
        return new Standard(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
                StandardCategory.valueOf(rs.getString("category")), (Long) rs.getObject("owner_unit_id"),
                units == null ? List.of() : Arrays.asList((Long[]) units.getArray()),
                Set.copyOf(strings(rs.getArray("scope_roles"))), rs.getInt("review_interval_months"),
                localDate(rs.getDate("next_review_on")), localDate(rs.getDate("review_reminded_on")),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
    }

    private static StandardVersion version(ResultSet rs, int n) throws SQLException {
        return new StandardVersion(rs.getLong("id"), rs.getLong("standard_id"), rs.getInt("number"),
                VersionStatus.valueOf(rs.getString("status")), rs.getString("body"), rs.getString("change_note"),
                rs.getString("author"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), instant(rs.getTimestamp("submitted_at")),
                rs.getString("approved_by"), instant(rs.getTimestamp("approved_at")),
                instant(rs.getTimestamp("effective_from")), rs.getString("published_by"),
                instant(rs.getTimestamp("published_at")), instant(rs.getTimestamp("ended_at")),
                (Integer) rs.getObject("sla_policy_number"), rs.getInt("version"));
    }

    private static StandardViews.Proposal proposal(ResultSet rs, int n) throws SQLException {
        return new StandardViews.Proposal(rs.getLong("id"), rs.getString("author"), rs.getString("body"),
                rs.getString("status"), (Long) rs.getObject("draft_version_id"), rs.getString("handled_by"),
                instant(rs.getTimestamp("handled_at")), rs.getTimestamp("created_at").toInstant());
    }

    private static StandardViews.Acknowledgement acknowledgement(ResultSet rs, int n) throws SQLException {
        return new StandardViews.Acknowledgement(rs.getString("username"), rs.getString("display_name"),
                rs.getLong("unit_id"), rs.getTimestamp("assigned_at").toInstant(),
                rs.getTimestamp("due_at").toInstant(), instant(rs.getTimestamp("acknowledged_at")));
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static LocalDate localDate(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
