package org.gridcare.training;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The training tables, in plain SQL. Scope filters take unit id arrays ({@code all} = no filter). */
@Repository
class TrainingRepository {

    private final JdbcClient jdbc;

    TrainingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- rows

    record CourseRow(long id, String code, String title, CourseTopic topic, CourseMode mode, String kind,
                     BigDecimal hours, String description, long unitId, BigDecimal passMark, Integer maxAttempts,
                     MultipleChoiceRule multipleRule, String standardCode, Integer standardVersion, int version) {

        boolean hasExam() {
            return passMark != null;
        }

        boolean readAcknowledge() {
            return "READ_ACKNOWLEDGE".equals(kind);
        }
    }

    record SessionRow(long id, long courseId, long unitId, Instant startsAt, Instant endsAt, String place,
                      String trainer, int capacity, int enrolled, String status, int version) {
    }

    record EnrolmentRow(long id, long courseId, Long sessionId, long userId, String username, String displayName,
                        long unitId, String source, String status, String attendance, BigDecimal bestScore,
                        Boolean passed, BigDecimal hoursCredited, Instant dueAt, Instant completedAt, int version) {
    }

    record QuestionRow(long id, long courseId, QuestionKind kind, String text, BigDecimal points) {
    }

    record OptionRow(long id, long questionId, int position, String label, boolean correct) {
    }

    // ---- positions

    List<TrainingViews.Position> positions() {
        return jdbc.sql("select * from trn_position order by code").query((rs, i) -> new TrainingViews.Position(
                rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"))).list();
    }

    Optional<String> positionForRole(String role) {
        return jdbc.sql("select code from trn_position where default_role = :r").param("r", role)
                .query(String.class).optional();
    }

    // ---- courses

    long insertCourse(CourseRow c, String by, Instant at) {
        return jdbc.sql("""
                insert into trn_course (code, title, topic, mode, kind, hours, description, unit_id, pass_mark,
                    max_attempts, multiple_rule, standard_code, standard_version, created_by, created_at, updated_at)
                values (:code, :title, :topic, :mode, :kind, :hours, :description, :unit, :passMark, :maxAttempts,
                    :rule, :standardCode, :standardVersion, :by, :at, :at)
                returning id
                """).param("code", c.code()).param("title", c.title()).param("topic", c.topic().name())
                .param("mode", c.mode().name()).param("kind", c.kind()).param("hours", c.hours())
                .param("description", c.description()).param("unit", c.unitId()).param("passMark", c.passMark())
                .param("maxAttempts", c.maxAttempts()).param("rule", c.multipleRule().name())
                .param("standardCode", c.standardCode()).param("standardVersion", c.standardVersion())
                .param("by", by).param("at", ts(at)).query(Long.class).single();
    }

    boolean updateCourse(CourseRow c, Instant at) {
        return jdbc.sql("""
                update trn_course set title = :title, topic = :topic, mode = :mode, hours = :hours,
                       description = :description, pass_mark = :passMark, max_attempts = :maxAttempts,
                       multiple_rule = :rule, updated_at = :at, version = version + 1
                 where id = :id and version = :version
                """).param("title", c.title()).param("topic", c.topic().name()).param("mode", c.mode().name())
                .param("hours", c.hours()).param("description", c.description()).param("passMark", c.passMark())
                .param("maxAttempts", c.maxAttempts()).param("rule", c.multipleRule().name()).param("at", ts(at))
                .param("id", c.id()).param("version", c.version()).update() == 1;
    }

    boolean courseCodeTaken(String code) {
        return jdbc.sql("select exists(select 1 from trn_course where lower(code) = lower(:c))").param("c", code)
                .query(Boolean.class).single();
    }

    Optional<CourseRow> course(long id) {
        return jdbc.sql("select * from trn_course where id = :id").param("id", id).query(TrainingRepository::course)
                .optional();
    }

    Optional<CourseRow> courseByCode(String code) {
        return jdbc.sql("select * from trn_course where lower(code) = lower(:c)").param("c", code)
                .query(TrainingRepository::course).optional();
    }

    Optional<CourseRow> standardCourse(String standardCode, int number) {
        return jdbc.sql("""
                select * from trn_course where kind = 'READ_ACKNOWLEDGE' and standard_code = :c and standard_version = :n
                """).param("c", standardCode).param("n", number).query(TrainingRepository::course).optional();
    }

    /** Courses owned by these units (all when {@code all}), newest first. */
    List<CourseRow> courses(boolean all, Long[] units, CourseTopic topic, String kind) {
        return jdbc.sql("""
                select * from trn_course where (:all or unit_id = any(:units))
                  and (cast(:topic as text) is null or topic = :topic) and (cast(:kind as text) is null or kind = :kind)
                order by created_at desc, id desc limit 500
                """).param("all", all).param("units", units).param("topic", topic == null ? null : topic.name())
                .param("kind", kind).query(TrainingRepository::course).list();
    }

    int activeQuestions(long courseId) {
        return jdbc.sql("select count(*) from trn_question where course_id = :c and active").param("c", courseId)
                .query(Integer.class).single();
    }

    // ---- materials

    long insertMaterial(long courseId, MaterialKind kind, String title, String standardCode, String url,
                        String filename, String contentType, byte[] content, String by, Instant at) {
        return jdbc.sql("""
                insert into trn_material (course_id, kind, title, standard_code, url, filename, content_type,
                    size_bytes, content, created_by, created_at)
                values (:course, :kind, :title, :std, :url, :filename, :type, :size, :content, :by, :at)
                returning id
                """).param("course", courseId).param("kind", kind.name()).param("title", title)
                .param("std", standardCode).param("url", url).param("filename", filename).param("type", contentType)
                .param("size", content == null ? null : (long) content.length).param("content", content)
                .param("by", by).param("at", ts(at)).query(Long.class).single();
    }

    List<TrainingViews.Material> materials(long courseId) {
        return jdbc.sql("""
                select id, kind, title, standard_code, url, filename, content_type, size_bytes from trn_material
                where course_id = :c order by id
                """).param("c", courseId).query((rs, i) -> new TrainingViews.Material(rs.getLong("id"),
                MaterialKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("standard_code"),
                rs.getString("url"), rs.getString("filename"), rs.getString("content_type"),
                (Long) rs.getObject("size_bytes"))).list();
    }

    record MaterialFile(String filename, String contentType, byte[] content) {
    }

    Optional<MaterialFile> materialFile(long courseId, long id) {
        return jdbc.sql("""
                select filename, content_type, content from trn_material
                where course_id = :c and id = :id and kind = 'FILE'
                """).param("c", courseId).param("id", id).query((rs, i) -> new MaterialFile(rs.getString("filename"),
                rs.getString("content_type"), rs.getBytes("content"))).optional();
    }

    // ---- questions

    long insertQuestion(long courseId, QuestionKind kind, String text, BigDecimal points, Instant at) {
        return jdbc.sql("""
                insert into trn_question (course_id, kind, text, points, created_at)
                values (:c, :kind, :text, :points, :at) returning id
                """).param("c", courseId).param("kind", kind.name()).param("text", text).param("points", points)
                .param("at", ts(at)).query(Long.class).single();
    }

    void insertOption(long questionId, int position, String label, boolean correct) {
        jdbc.sql("insert into trn_option (question_id, position, label, correct) values (:q, :p, :l, :c)")
                .param("q", questionId).param("p", position).param("l", label).param("c", correct).update();
    }

    boolean retireQuestion(long courseId, long id) {
        return jdbc.sql("update trn_question set active = false where course_id = :c and id = :id and active")
                .param("c", courseId).param("id", id).update() == 1;
    }

    List<QuestionRow> questions(long courseId) {
        return jdbc.sql("select * from trn_question where course_id = :c and active order by id").param("c", courseId)
                .query((rs, i) -> new QuestionRow(rs.getLong("id"), rs.getLong("course_id"),
                        QuestionKind.valueOf(rs.getString("kind")), rs.getString("text"), rs.getBigDecimal("points")))
                .list();
    }

    List<OptionRow> options(long courseId) {
        return jdbc.sql("""
                select o.* from trn_option o join trn_question q on q.id = o.question_id
                where q.course_id = :c and q.active order by o.question_id, o.position
                """).param("c", courseId).query((rs, i) -> new OptionRow(rs.getLong("id"), rs.getLong("question_id"),
                rs.getInt("position"), rs.getString("label"), rs.getBoolean("correct"))).list();
    }

    // ---- plans

    long insertPlan(long unitId, int year, Integer quarter, String title, String by, Instant at) {
        return jdbc.sql("""
                insert into trn_plan (unit_id, year, quarter, title, created_by, created_at, updated_at)
                values (:unit, :year, :quarter, :title, :by, :at, :at) returning id
                """).param("unit", unitId).param("year", year).param("quarter", quarter).param("title", title)
                .param("by", by).param("at", ts(at)).query(Long.class).single();
    }

    boolean planExists(long unitId, int year, Integer quarter) {
        return jdbc.sql("""
                select exists(select 1 from trn_plan where unit_id = :unit and year = :year
                  and coalesce(quarter, 0) = coalesce(cast(:quarter as integer), 0))
                """).param("unit", unitId).param("year", year).param("quarter", quarter).query(Boolean.class).single();
    }

    void replaceRequirements(long planId, Map<String, BigDecimal> requirements) {
        jdbc.sql("delete from trn_plan_requirement where plan_id = :p").param("p", planId).update();
        requirements.forEach((position, hours) -> jdbc.sql("""
                insert into trn_plan_requirement (plan_id, position, required_hours) values (:p, :pos, :h)
                """).param("p", planId).param("pos", position).param("h", hours).update());
    }

    void replacePlanCourses(long planId, Set<Long> courseIds) {
        jdbc.sql("delete from trn_plan_course where plan_id = :p").param("p", planId).update();
        courseIds.forEach(c -> jdbc.sql("insert into trn_plan_course (plan_id, course_id) values (:p, :c)")
                .param("p", planId).param("c", c).update());
    }

    boolean touchPlan(long planId, int version, String title, Instant at) {
        return jdbc.sql("""
                update trn_plan set title = :title, updated_at = :at, version = version + 1
                where id = :id and version = :v
                """).param("title", title).param("at", ts(at)).param("id", planId).param("v", version).update() == 1;
    }

    record PlanRow(long id, long unitId, int year, Integer quarter, String title, int version) {
    }

    Optional<PlanRow> plan(long id) {
        return jdbc.sql("select * from trn_plan where id = :id").param("id", id).query(TrainingRepository::plan)
                .optional();
    }

    List<PlanRow> plans(boolean all, Long[] units, Integer year) {
        return jdbc.sql("""
                select * from trn_plan where (:all or unit_id = any(:units))
                  and (cast(:year as integer) is null or year = :year)
                order by year desc, unit_id, quarter nulls first
                """).param("all", all).param("units", units).param("year", year).query(TrainingRepository::plan)
                .list();
    }

    List<TrainingViews.Requirement> requirements(long planId) {
        return jdbc.sql("select * from trn_plan_requirement where plan_id = :p order by position").param("p", planId)
                .query((rs, i) -> new TrainingViews.Requirement(rs.getString("position"),
                        rs.getBigDecimal("required_hours"))).list();
    }

    List<String> planCourseCodes(long planId) {
        return jdbc.sql("""
                select c.code from trn_plan_course pc join trn_course c on c.id = pc.course_id
                where pc.plan_id = :p order by c.code
                """).param("p", planId).query(String.class).list();
    }

    /**
     * The hours a position must complete in a year (quarter null) or a quarter, from the plan of the nearest unit
     * on {@code unitPath} (the user's own unit first) that sets a requirement for it.
     */
    Optional<BigDecimal> requiredHours(List<Long> unitPath, String position, int year, Integer quarter) {
        return jdbc.sql("""
                select r.required_hours from trn_plan p join trn_plan_requirement r on r.plan_id = p.id
                where p.unit_id = any(:units) and p.year = :year
                  and coalesce(p.quarter, 0) = coalesce(cast(:quarter as integer), 0) and r.position = :position
                order by array_position(:units, p.unit_id) limit 1
                """).param("units", unitPath.toArray(Long[]::new)).param("year", year).param("quarter", quarter)
                .param("position", position).query(BigDecimal.class).optional();
    }

    // ---- sessions

    long insertSession(SessionRow s, String by, Instant at) {
        return jdbc.sql("""
                insert into trn_session (course_id, unit_id, starts_at, ends_at, place, trainer, capacity,
                    created_by, created_at, updated_at)
                values (:course, :unit, :starts, :ends, :place, :trainer, :capacity, :by, :at, :at) returning id
                """).param("course", s.courseId()).param("unit", s.unitId()).param("starts", ts(s.startsAt()))
                .param("ends", ts(s.endsAt())).param("place", s.place()).param("trainer", s.trainer())
                .param("capacity", s.capacity()).param("by", by).param("at", ts(at)).query(Long.class).single();
    }

    Optional<SessionRow> session(long id) {
        return jdbc.sql("select * from trn_session where id = :id").param("id", id)
                .query(TrainingRepository::session).optional();
    }

    /** Sessions held by these units, or by {@code openUnits} (the caller's own unit and those above it). */
    List<SessionRow> sessions(boolean all, Long[] units, Long[] openUnits, Long courseId, Instant from) {
        return jdbc.sql("""
                select * from trn_session where (:all or unit_id = any(:units) or unit_id = any(:open))
                  and (cast(:course as bigint) is null or course_id = :course)
                  and (cast(:from as timestamptz) is null or ends_at >= :from)
                order by starts_at, id limit 500
                """).param("all", all).param("units", units).param("open", openUnits).param("course", courseId)
                .param("from", ts(from)).query(TrainingRepository::session).list();
    }

    /** Takes a seat if one is free: one conditional update, so concurrent enrolments never over-book. */
    boolean takeSeat(long sessionId) {
        return jdbc.sql("""
                update trn_session set enrolled = enrolled + 1
                where id = :id and status = 'SCHEDULED' and enrolled < capacity
                """).param("id", sessionId).update() == 1;
    }

    void releaseSeat(long sessionId) {
        jdbc.sql("update trn_session set enrolled = enrolled - 1 where id = :id and enrolled > 0")
                .param("id", sessionId).update();
    }

    boolean cancelSession(long id, int version, Instant at) {
        return jdbc.sql("""
                update trn_session set status = 'CANCELLED', updated_at = :at, version = version + 1
                where id = :id and version = :v and status = 'SCHEDULED'
                """).param("at", ts(at)).param("id", id).param("v", version).update() == 1;
    }

    // ---- enrolments

    long insertEnrolment(EnrolmentRow e, Instant at) {
        return jdbc.sql("""
                insert into trn_enrolment (course_id, session_id, user_id, username, display_name, unit_id, source,
                    status, due_at, enrolled_at, updated_at)
                values (:course, :session, :user, :username, :name, :unit, :source, 'ENROLLED', :due, :at, :at)
                on conflict do nothing
                returning id
                """).param("course", e.courseId()).param("session", e.sessionId()).param("user", e.userId())
                .param("username", e.username()).param("name", e.displayName()).param("unit", e.unitId())
                .param("source", e.source()).param("due", ts(e.dueAt())).param("at", ts(at)).query(Long.class)
                .optional().orElse(-1L);
    }

    Optional<EnrolmentRow> enrolment(long id) {
        return jdbc.sql("select * from trn_enrolment where id = :id").param("id", id)
                .query(TrainingRepository::enrolment).optional();
    }

    Optional<EnrolmentRow> lockEnrolment(long id) {
        return jdbc.sql("select * from trn_enrolment where id = :id for update").param("id", id)
                .query(TrainingRepository::enrolment).optional();
    }

    boolean updateEnrolment(EnrolmentRow e, Instant at, String attendanceBy) {
        return jdbc.sql("""
                update trn_enrolment set status = :status, attendance = :attendance,
                       attendance_by = coalesce(:attBy, attendance_by),
                       attendance_at = case when cast(:attBy as text) is null then attendance_at else :at end,
                       best_score = :best, passed = :passed, hours_credited = :hours, completed_at = :completed,
                       updated_at = :at, version = version + 1
                 where id = :id and version = :v
                """).param("status", e.status()).param("attendance", e.attendance()).param("attBy", attendanceBy)
                .param("best", e.bestScore()).param("passed", e.passed()).param("hours", e.hoursCredited())
                .param("completed", ts(e.completedAt())).param("at", ts(at)).param("id", e.id())
                .param("v", e.version()).update() == 1;
    }

    private static final String ENROLMENT_VIEW = """
            select e.*, c.code, c.title, c.topic, c.mode, c.kind, c.pass_mark, c.max_attempts,
                   s.starts_at as session_starts_at, cert.number as certificate_number,
                   (select count(*) from trn_attempt a where a.enrolment_id = e.id) as attempts
            from trn_enrolment e join trn_course c on c.id = e.course_id
            left join trn_session s on s.id = e.session_id
            left join trn_certificate cert on cert.enrolment_id = e.id
            """;

    List<TrainingViews.Enrolment> enrolmentViews(String where, Map<String, Object> params, int defaultMaxAttempts) {
        return jdbc.sql(ENROLMENT_VIEW + " where " + where + " order by coalesce(s.starts_at, e.enrolled_at) desc, e.id desc")
                .params(params).query((rs, i) -> enrolmentView(rs, defaultMaxAttempts)).list();
    }

    int attempts(long enrolmentId) {
        return jdbc.sql("select count(*) from trn_attempt where enrolment_id = :e").param("e", enrolmentId)
                .query(Integer.class).single();
    }

    long insertAttempt(long enrolmentId, int number, ExamScoring.Result result, String answersJson, Instant at) {
        return jdbc.sql("""
                insert into trn_attempt (enrolment_id, number, score, points, max_points, passed, answers, submitted_at)
                values (:e, :n, :score, :points, :max, :passed, cast(:answers as jsonb), :at) returning id
                """).param("e", enrolmentId).param("n", number).param("score", result.score())
                .param("points", result.points()).param("max", result.maxPoints()).param("passed", result.passed())
                .param("answers", answersJson).param("at", ts(at)).query(Long.class).single();
    }

    String insertCertificate(long enrolmentId, long userId, long courseId, BigDecimal hours, BigDecimal score,
                             Instant at, int year) {
        long id = jdbc.sql("""
                insert into trn_certificate (number, enrolment_id, user_id, course_id, hours, score, issued_at)
                values ('pending-' || :e, :e, :u, :c, :h, :s, :at) returning id
                """).param("e", enrolmentId).param("u", userId).param("c", courseId).param("h", hours)
                .param("s", score).param("at", ts(at)).query(Long.class).single();
        String number = "TC-%d-%06d".formatted(year, id);
        jdbc.sql("update trn_certificate set number = :n where id = :id").param("n", number).param("id", id).update();
        return number;
    }

    /** Hours credited to a user for courses completed in [from, to). */
    BigDecimal hoursCompleted(long userId, Instant from, Instant to) {
        return jdbc.sql("""
                select coalesce(sum(hours_credited), 0) from trn_enrolment
                where user_id = :u and status = 'COMPLETED' and completed_at >= :from and completed_at < :to
                """).param("u", userId).param("from", ts(from)).param("to", ts(to)).query(BigDecimal.class).single();
    }

    /**
     * The user's enrolments that were due in [from, to) — a session starting then, or a direct enrolment due then —
     * as (all, completed).
     */
    long[] completion(long userId, Instant from, Instant to) {
        return jdbc.sql("""
                select count(*) as total, count(*) filter (where e.status = 'COMPLETED') as done
                from trn_enrolment e left join trn_session s on s.id = e.session_id
                where e.user_id = :u and e.status <> 'CANCELLED'
                  and coalesce(s.starts_at, e.due_at, e.enrolled_at) >= :from
                  and coalesce(s.starts_at, e.due_at, e.enrolled_at) < :to
                """).param("u", userId).param("from", ts(from)).param("to", ts(to))
                .query((rs, i) -> new long[] {rs.getLong("total"), rs.getLong("done")}).single();
    }

    // ---- cases

    long insertCase(String source, String ref, String title, String category, String narrative, String handling,
                    String lesson, long unitId, String by, Instant at) {
        return jdbc.sql("""
                insert into trn_case (source, source_ref, title, category, narrative, handling, lesson, unit_id,
                    created_by, created_at)
                values (:source, :ref, :title, :category, :narrative, :handling, :lesson, :unit, :by, :at)
                on conflict do nothing returning id
                """).param("source", source).param("ref", ref).param("title", title).param("category", category)
                .param("narrative", narrative).param("handling", handling).param("lesson", lesson)
                .param("unit", unitId).param("by", by).param("at", ts(at)).query(Long.class).optional().orElse(-1L);
    }

    void attachCase(long courseId, long caseId) {
        jdbc.sql("insert into trn_course_case (course_id, case_id) values (:c, :k) on conflict do nothing")
                .param("c", courseId).param("k", caseId).update();
    }

    record CaseRow(long id, String source, String sourceRef, String title, String category, String narrative,
                   String handling, String lesson, long unitId, String createdBy, Instant createdAt) {
    }

    Optional<CaseRow> caseById(long id) {
        return jdbc.sql("select * from trn_case where id = :id").param("id", id).query(TrainingRepository::caseRow)
                .optional();
    }

    List<CaseRow> cases(boolean all, Long[] units, Long[] openUnits) {
        return jdbc.sql("""
                select * from trn_case where (:all or unit_id = any(:units) or unit_id = any(:open))
                order by created_at desc, id desc limit 500
                """).param("all", all).param("units", units).param("open", openUnits)
                .query(TrainingRepository::caseRow).list();
    }

    List<CaseRow> casesOfCourse(long courseId) {
        return jdbc.sql("""
                select k.* from trn_case k join trn_course_case cc on cc.case_id = k.id where cc.course_id = :c
                order by k.id
                """).param("c", courseId).query(TrainingRepository::caseRow).list();
    }

    List<String> courseCodesOfCase(long caseId) {
        return jdbc.sql("""
                select c.code from trn_course_case cc join trn_course c on c.id = cc.course_id where cc.case_id = :k
                order by c.code
                """).param("k", caseId).query(String.class).list();
    }

    // ---- mapping

    private static CourseRow course(ResultSet rs, int i) throws SQLException {
        return new CourseRow(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
                CourseTopic.valueOf(rs.getString("topic")), CourseMode.valueOf(rs.getString("mode")),
                rs.getString("kind"), rs.getBigDecimal("hours"), rs.getString("description"), rs.getLong("unit_id"),
                rs.getBigDecimal("pass_mark"), (Integer) rs.getObject("max_attempts"),
                MultipleChoiceRule.valueOf(rs.getString("multiple_rule")), rs.getString("standard_code"),
                (Integer) rs.getObject("standard_version"), rs.getInt("version"));
    }

    private static SessionRow session(ResultSet rs, int i) throws SQLException {
        return new SessionRow(rs.getLong("id"), rs.getLong("course_id"), rs.getLong("unit_id"),
                instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getString("place"), rs.getString("trainer"),
                rs.getInt("capacity"), rs.getInt("enrolled"), rs.getString("status"), rs.getInt("version"));
    }

    private static EnrolmentRow enrolment(ResultSet rs, int i) throws SQLException {
        return new EnrolmentRow(rs.getLong("id"), rs.getLong("course_id"), (Long) rs.getObject("session_id"),
                rs.getLong("user_id"), rs.getString("username"), rs.getString("display_name"), rs.getLong("unit_id"),
                rs.getString("source"), rs.getString("status"), rs.getString("attendance"),
                rs.getBigDecimal("best_score"), (Boolean) rs.getObject("passed"), rs.getBigDecimal("hours_credited"),
                instant(rs, "due_at"), instant(rs, "completed_at"), rs.getInt("version"));
    }

    private static TrainingViews.Enrolment enrolmentView(ResultSet rs, int defaultMaxAttempts) throws SQLException {
        Integer max = (Integer) rs.getObject("max_attempts");
        return new TrainingViews.Enrolment(rs.getLong("id"), rs.getLong("course_id"), rs.getString("code"),
                rs.getString("title"), CourseTopic.valueOf(rs.getString("topic")),
                CourseMode.valueOf(rs.getString("mode")), rs.getString("kind"), (Long) rs.getObject("session_id"),
                instant(rs, "session_starts_at"), rs.getLong("user_id"), rs.getString("username"),
                rs.getString("display_name"), rs.getString("source"), rs.getString("status"),
                rs.getString("attendance"), rs.getBigDecimal("pass_mark") != null, rs.getBigDecimal("best_score"),
                (Boolean) rs.getObject("passed"), rs.getInt("attempts"), max == null ? defaultMaxAttempts : max,
                rs.getBigDecimal("hours_credited"), instant(rs, "due_at"), instant(rs, "completed_at"),
                rs.getString("certificate_number"), rs.getInt("version"));
    }

    private static PlanRow plan(ResultSet rs, int i) throws SQLException {
        return new PlanRow(rs.getLong("id"), rs.getLong("unit_id"), rs.getInt("year"),
                (Integer) rs.getObject("quarter"), rs.getString("title"), rs.getInt("version"));
    }

    private static CaseRow caseRow(ResultSet rs, int i) throws SQLException {
        return new CaseRow(rs.getLong("id"), rs.getString("source"), rs.getString("source_ref"),
                rs.getString("title"), rs.getString("category"), rs.getString("narrative"), rs.getString("handling"),
                rs.getString("lesson"), rs.getLong("unit_id"), rs.getString("created_by"), instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
