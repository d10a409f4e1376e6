package org.gridcare.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gridcare.workorder.WorkOrderType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.gridcare.staff.StaffRepository.date;
import static org.gridcare.staff.StaffRepository.localDate;

/** Certificate kinds (with their coverage and requirements), certificates with their scans, and staff notices. */
@Repository
class CertificateRepository {

    private static final String SELECT = """
            select c.id, c.user_id, c.kind_code, c.number, c.issuer, c.issued_on, c.expires_on, c.scan_filename,
                   c.scan_content_type, c.scan_size, c.version
              from staff_certificate c""";

    private final JdbcClient jdbc;

    CertificateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A certificate as stored (without its scan's bytes). */
    record Row(long id, long userId, String kindCode, String number, String issuer, LocalDate issuedOn,
               LocalDate expiresOn, String scanFilename, String scanContentType, Integer scanSize, int version) {
    }

    // ---- kinds

    /** Every kind with its coverage and the positions it is mandatory for, in order. */
    List<CertificateKind> kinds() {
        Map<String, List<CertificateKind.Coverage>> coverage = new HashMap<>();
        jdbc.sql("select * from staff_certificate_coverage order by order_type, category_code").query((rs, n) -> {
            String category = rs.getString("category_code");
            return coverage.computeIfAbsent(rs.getString("kind_code"), k -> new ArrayList<>()).add(
                    new CertificateKind.Coverage(WorkOrderType.valueOf(rs.getString("order_type")),
                            category.isEmpty() ? null : category));
        }).list();
        Map<String, Set<Position>> mandatory = new HashMap<>();
        jdbc.sql("select * from staff_certificate_requirement").query((rs, n) -> mandatory.computeIfAbsent(
                rs.getString("kind_code"), k -> EnumSet.noneOf(Position.class))
                .add(Position.valueOf(rs.getString("position")))).list();
        return jdbc.sql("select * from staff_certificate_kind order by sort_order, code").query((rs, n) -> {
            String code = rs.getString("code");
            int months = rs.getInt("validity_months");
            return new CertificateKind(code, rs.getString("name"), rs.getString("name_en"),
                    rs.wasNull() ? null : months, rs.getBoolean("enabled"), coverage.getOrDefault(code, List.of()),
                    mandatory.getOrDefault(code, Set.of()));
        }).list();
    }

    Optional<CertificateKind> kind(String code) {
        return kinds().stream().filter(k -> k.code().equals(code)).findFirst();
    }

    /** Kind codes mandatory for the position whose coverage includes the order type and category. */
    List<String> mandatoryCovering(Position position, WorkOrderType type, String categoryCode) {
        return jdbc.sql("""
                        select distinct k.code from staff_certificate_requirement r
                          join staff_certificate_kind k on k.code = r.kind_code and k.enabled
                          join staff_certificate_coverage c on c.kind_code = k.code
                         where r.position = :position and c.order_type = :type
                           and (c.category_code = '' or c.category_code = :category
                                or :category like replace(c.category_code, '_', '\\_') || '.%')
                         order by k.code
                        """).param("position", position.name()).param("type", type.name())
                .param("category", categoryCode == null ? "" : categoryCode).query(String.class).list();
    }

    // ---- certificates

    Optional<Row> find(long id) {
        return jdbc.sql(SELECT + " where c.id = :id").param("id", id).query(CertificateRepository::map).optional();
    }

    List<Row> of(long userId) {
        return jdbc.sql(SELECT + " where c.user_id = :user order by c.kind_code, c.expires_on desc nulls first")
                .param("user", userId).query(CertificateRepository::map).list();
    }

    /** The certificates that expire on or before {@code until}, with an expiry, soonest first. */
    List<Row> expiringBy(LocalDate until) {
        return jdbc.sql(SELECT + " where c.expires_on <= :until order by c.expires_on, c.id")
                .param("until", date(until)).query(CertificateRepository::map).list();
    }

    /** Whether the user holds a certificate of the kind valid on {@code day}. */
    boolean holdsValid(long userId, String kindCode, LocalDate day) {
        return jdbc.sql("""
                        select exists (select 1 from staff_certificate
                                        where user_id = :user and kind_code = :kind and issued_on <= :day
                                          and (expires_on is null or expires_on >= :day))
                        """).param("user", userId).param("kind", kindCode).param("day", date(day))
                .query(Boolean.class).single();
    }

    /** The last expiry date of the user's certificates of a kind that ran out before {@code day}, if any. */
    Optional<LocalDate> lastExpired(long userId, String kindCode, LocalDate day) {
        return jdbc.sql("""
                        select max(expires_on) from staff_certificate
                         where user_id = :user and kind_code = :kind and expires_on < :day
                        """).param("user", userId).param("kind", kindCode).param("day", date(day))
                .query((rs, n) -> localDate(rs.getDate(1))).optional().filter(java.util.Objects::nonNull);
    }

    long insert(Row r, String by, Instant at) {
        return jdbc.sql("""
                insert into staff_certificate (user_id, kind_code, number, issuer, issued_on, expires_on, created_by,
                                               created_at, updated_at)
                values (:user, :kind, :number, :issuer, :issued, :expires, :by, :at, :at) returning id
                """).param("user", r.userId()).param("kind", r.kindCode()).param("number", r.number())
                .param("issuer", r.issuer()).param("issued", date(r.issuedOn())).param("expires", date(r.expiresOn()))
                .param("by", by).param("at", Timestamp.from(at)).query(Long.class).single();
    }

    boolean update(Row r, Instant at) {
        return jdbc.sql("""
                update staff_certificate set number = :number, issuer = :issuer, issued_on = :issued,
                       expires_on = :expires, updated_at = :at, version = version + 1
                 where id = :id and version = :version
                """).param("id", r.id()).param("number", r.number()).param("issuer", r.issuer())
                .param("issued", date(r.issuedOn())).param("expires", date(r.expiresOn()))
                .param("at", Timestamp.from(at)).param("version", r.version()).update() == 1;
    }

    boolean delete(long id, int version) {
        return jdbc.sql("delete from staff_certificate where id = :id and version = :version").param("id", id)
                .param("version", version).update() == 1;
    }

    boolean numberTaken(String kindCode, String number, long exceptId) {
        return jdbc.sql("select exists (select 1 from staff_certificate where kind_code = :kind and number = :number"
                        + " and id <> :id)").param("kind", kindCode).param("number", number).param("id", exceptId)
                .query(Boolean.class).single();
    }

    void storeScan(long id, String filename, String contentType, byte[] content, Instant at) {
        jdbc.sql("""
                update staff_certificate set scan_filename = :name, scan_content_type = :type, scan_size = :size,
                       scan = :content, updated_at = :at, version = version + 1
                 where id = :id
                """).param("id", id).param("name", filename).param("type", contentType)
                .param("size", content.length).param("content", content).param("at", Timestamp.from(at)).update();
    }

    Optional<byte[]> scan(long id) {
        return jdbc.sql("select scan from staff_certificate where id = :id and scan is not null").param("id", id)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    private static Row map(ResultSet rs, int row) throws SQLException {
        int size = rs.getInt("scan_size");
        return new Row(rs.getLong("id"), rs.getLong("user_id"), rs.getString("kind_code"), rs.getString("number"),
                rs.getString("issuer"), localDate(rs.getDate("issued_on")), localDate(rs.getDate("expires_on")),
                rs.getString("scan_filename"), rs.getString("scan_content_type"), rs.wasNull() ? null : size,
                rs.getInt("version"));
    }

    // ---- notices

    /** A reminder, once per certificate, kind, expiry date and recipient; true when it is new. */
    boolean insertNotice(String recipient, long subjectUserId, long certificateId, String kind, LocalDate expiresOn,
                         Instant at) {
        return jdbc.sql("""
                insert into staff_notice (recipient, subject_user_id, certificate_id, kind, expires_on, created_at)
                values (:to, :subject, :certificate, :kind, :expires, :at)
                on conflict (certificate_id, kind, expires_on, recipient) do nothing
                """).param("to", recipient).param("subject", subjectUserId).param("certificate", certificateId)
                .param("kind", kind).param("expires", date(expiresOn)).param("at", Timestamp.from(at)).update() == 1;
    }

    List<StaffNotice> notices(String recipient, int limit) {
        return jdbc.sql("""
                        select n.*, c.kind_code, c.number from staff_notice n
                          join staff_certificate c on c.id = n.certificate_id
                         where n.recipient = :to order by n.created_at desc, n.id desc limit :limit
                        """).param("to", recipient).param("limit", limit)
                .query((rs, n) -> new StaffNotice(rs.getLong("id"), rs.getString("kind"),
                        rs.getLong("subject_user_id"), rs.getLong("certificate_id"), rs.getString("kind_code"),
                        rs.getString("number"), localDate(rs.getDate("expires_on")),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("read_at") != null)).list();
    }

    int markNoticesRead(String recipient, Instant at) {
        return jdbc.sql("update staff_notice set read_at = :at where recipient = :to and read_at is null")
                .param("at", Timestamp.from(at)).param("to", recipient).update();
    }

    /** Kind code → name in the language asked for. */
    Map<String, String> kindNames(boolean english) {
        Map<String, String> names = new LinkedHashMap<>();
        kinds().forEach(k -> names.put(k.code(), english ? k.nameEn() : k.name()));
        return names;
    }
}
