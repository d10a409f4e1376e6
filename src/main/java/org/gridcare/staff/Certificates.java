package org.gridcare.staff;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.tika.Tika;
import org.gridcare.audit.AuditTrail;
import org.gridcare.identity.StaffMember;
import org.gridcare.identity.Users;
import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.security.Actor;
import org.gridcare.workorder.AssignmentGuard;
import org.gridcare.workorder.WorkOrderType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff certificates (资格证书): recorded and renewed by managers within their scope (the holder reads their own),
 * with a scan checked by its bytes; reminders before and after they expire; and the rule that a person whose
 * position must hold a kind covering some work may not be given that work without one valid that day.
 */
@Service
public class Certificates implements AssignmentGuard {

    static final String ENTITY = "StaffCertificate";
    private static final Tika TIKA = new Tika();

    private final CertificateRepository repository;
    private final StaffRepository staff;
    private final StaffProfiles profiles;
    private final Users users;
    private final OrgUnits units;
    private final AuditTrail audit;
    private final StaffProperties properties;
    private final Clock clock;

    Certificates(CertificateRepository repository, StaffRepository staff, StaffProfiles profiles, Users users,
                 OrgUnits units, AuditTrail audit, StaffProperties properties, Clock clock) {
        this.repository = repository;
        this.staff = staff;
        this.profiles = profiles;
        this.users = users;
        this.units = units;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** The reminder lead time in days (gridcare.staff.reminder-lead-days). */
    public int leadDays() {
        return properties.reminderLeadDays();
    }

    /** Every configured kind with the work it covers and the positions that must hold it. */
    @Transactional(readOnly = true)
    public List<CertificateKind> kinds() {
        return repository.kinds();
    }

    /** The certificates of one person, for whoever may see their profile. */
    @Transactional(readOnly = true)
    public List<Certificate> of(long userId, Actor actor) {
        StaffProfile profile = profiles.get(userId, actor);
        return views(profile, repository.of(userId));
    }

    @Transactional
    public Certificate add(long userId, NewCertificate command, Actor actor) {
        StaffProfiles.requireManager(actor);
        StaffProfile profile = profiles.load(userId, units.scopeOf(actor));
        CertificateKind kind = repository.kind(command.kindCode().trim()).filter(CertificateKind::enabled)
                .orElseThrow(() -> InvalidInputException.of("kindCode", "validation.staff.unknownKind",
                        command.kindCode()));
        var row = new CertificateRepository.Row(0, userId, kind.code(), command.number().trim(),
                command.issuer().trim(), command.issuedOn(), command.expiresOn(), null, null, null, 0);
        check(row);
        long id = repository.insert(row, actor.username(), now());
        audit.record("STAFF_CERTIFICATE_ADDED", ENTITY, String.valueOf(id), "%s %s of %s, issued %s by %s, expires %s"
                .formatted(kind.code(), row.number(), profile.username(), row.issuedOn(), row.issuer(),
                        row.expiresOn()));
        return view(profile, repository.find(id).orElseThrow());
    }

    /** Changes a certificate; a later expiry date is a renewal (audited as such). */
    @Transactional
    public Certificate change(long userId, long certificateId, CertificateChanges changes, Actor actor) {
        StaffProfiles.requireManager(actor);
        StaffProfile profile = profiles.load(userId, units.scopeOf(actor));
        CertificateRepository.Row current = load(userId, certificateId);
        if (changes.version() == null) {
            throw InvalidInputException.of("version", "validation.staff.required");
        }
        if (changes.version() != current.version()) {
            throw ConflictException.staleVersion(ENTITY, certificateId);
        }
        if (changes.number() != null && changes.number().isBlank()) {
            throw InvalidInputException.of("number", "validation.staff.required");
        }
        if (changes.issuer() != null && changes.issuer().isBlank()) {
            throw InvalidInputException.of("issuer", "validation.staff.required");
        }
        var row = new CertificateRepository.Row(current.id(), userId, current.kindCode(),
                changes.number() != null ? changes.number().trim() : current.number(),
                changes.issuer() != null ? changes.issuer().trim() : current.issuer(),
                changes.issuedOn() != null ? changes.issuedOn() : current.issuedOn(),
                Boolean.TRUE.equals(changes.clearExpiry()) ? null
                        : changes.expiresOn() != null ? changes.expiresOn() : current.expiresOn(),
                current.scanFilename(), current.scanContentType(), current.scanSize(), current.version());
        check(row);
        if (!repository.update(row, now())) {
            throw ConflictException.staleVersion(ENTITY, certificateId);
        }
        boolean renewed = current.expiresOn() != null
                && (row.expiresOn() == null || row.expiresOn().isAfter(current.expiresOn()));
        audit.record(renewed ? "STAFF_CERTIFICATE_RENEWED" : "STAFF_CERTIFICATE_CHANGED", ENTITY,
                String.valueOf(certificateId), "%s %s of %s: number %s → %s, issued %s → %s, expires %s → %s"
                        .formatted(current.kindCode(), current.number(), profile.username(), current.number(),
                                row.number(), current.issuedOn(), row.issuedOn(), current.expiresOn(),
                                row.expiresOn()));
        return view(profile, repository.find(certificateId).orElseThrow());
    }

    @Transactional
    public void delete(long userId, long certificateId, Integer version, Actor actor) {
        StaffProfiles.requireManager(actor);
        StaffProfile profile = profiles.load(userId, units.scopeOf(actor));
        CertificateRepository.Row current = load(userId, certificateId);
        if (version == null) {
            throw InvalidInputException.of("version", "validation.staff.required");
        }
        if (version != current.version() || !repository.delete(certificateId, version)) {
            throw ConflictException.staleVersion(ENTITY, certificateId);
        }
        audit.record("STAFF_CERTIFICATE_DELETED", ENTITY, String.valueOf(certificateId), "%s %s of %s"
                .formatted(current.kindCode(), current.number(), profile.username()));
    }

    /** Stores the scan (PDF, PNG or JPEG by its bytes, not larger than gridcare.staff.scan-max-size). */
    @Transactional
    public Certificate attachScan(long userId, long certificateId, String filename, byte[] content, Actor actor) {
        StaffProfiles.requireManager(actor);
        StaffProfile profile = profiles.load(userId, units.scopeOf(actor));
        load(userId, certificateId);
        if (content == null || content.length == 0) {
            throw InvalidInputException.of("file", "validation.staff.fileEmpty");
        }
        if (content.length > properties.scanMaxSize().toBytes()) {
            throw InvalidInputException.of("file", "validation.staff.fileTooLarge",
                    properties.scanMaxSize().toMegabytes());
        }
        String detected = TIKA.detect(content);
        if (!properties.scanTypes().contains(detected)) {
            throw InvalidInputException.of("file", "validation.staff.fileType", detected,
                    String.join(", ", properties.scanTypes()));
        }
        String name = safeName(filename);
        repository.storeScan(certificateId, name, detected, content, now());
        audit.record("STAFF_CERTIFICATE_SCAN_ADDED", ENTITY, String.valueOf(certificateId), "%s (%s, %d bytes) of %s"
                .formatted(name, detected, content.length, profile.username()));
        return view(profile, repository.find(certificateId).orElseThrow());
    }

    /** The scan's bytes with its name and type, for whoever may see the profile. */
    @Transactional(readOnly = true)
    public Scan scan(long userId, long certificateId, Actor actor) {
        profiles.get(userId, actor);
        CertificateRepository.Row row = load(userId, certificateId);
        byte[] content = repository.scan(certificateId).orElseThrow(() -> new NotFoundException("Scan", certificateId));
        return new Scan(row.scanFilename(), row.scanContentType(), content);
    }

    /** A scan for download. */
    public record Scan(String filename, String contentType, byte[] content) {
    }

    /**
     * The certificates in the actor's scope that expire within {@code days} days or have expired (the managers'
     * list), soonest first, with their holders.
     */
    @Transactional(readOnly = true)
    public List<Expiring> expiring(int days, Actor actor) {
        StaffProfiles.requireManager(actor);
        if (days < 0 || days > 366) {
            throw InvalidInputException.of("days", "validation.staff.days", 366);
        }
        DataScope scope = units.scopeOf(actor);
        LocalDate today = today();
        List<CertificateRepository.Row> rows = repository.expiringBy(today.plusDays(days));
        Map<Long, StaffProfile> holders = new java.util.HashMap<>();
        profilesCache(rows, holders);
        List<Expiring> result = new ArrayList<>();
        for (CertificateRepository.Row row : rows) {
            StaffProfile holder = holders.get(row.userId());
            if (holder != null && scope.includes(holder.unitId())) {
                result.add(new Expiring(holder.userId(), holder.username(), holder.displayName(), holder.teamCode(),
                        view(holder, row)));
            }
        }
        return result;
    }

    /** A certificate on the expiring list with its holder. */
    public record Expiring(long userId, String username, String displayName, String teamCode,
                           Certificate certificate) {
    }

    // ---- reminders

    /**
     * Tells holders (and their team leaders) of certificates that expire within the lead time, and again once they
     * have expired. Idempotent: a notice exists once per certificate, kind, expiry date and recipient, so a re-run
     * sends nothing new and a renewal gets reminders of its own. Returns the number of notices sent.
     */
    @Transactional
    public int remind(Instant now) {
        LocalDate today = now.atZone(BusinessTime.ZONE).toLocalDate();
        List<CertificateRepository.Row> rows = repository.expiringBy(today.plusDays(properties.reminderLeadDays()));
        Map<Long, StaffProfile> holders = new java.util.HashMap<>();
        profilesCache(rows, holders);
        int sent = 0;
        for (CertificateRepository.Row row : rows) {
            StaffProfile holder = holders.get(row.userId());
            if (holder == null) {
                continue;
            }
            String kind = row.expiresOn().isBefore(today) ? "CERTIFICATE_EXPIRED" : "CERTIFICATE_EXPIRING";
            Set<String> recipients = new LinkedHashSet<>();
            recipients.add(holder.username());
            if (holder.teamId() != null) {
                staff.team(holder.teamId()).map(StaffRepository.TeamRow::leaderUserId).flatMap(users::member)
                        .map(StaffMember::username).ifPresent(recipients::add);
            }
            List<String> told = new ArrayList<>();
            for (String recipient : recipients) {
                if (repository.insertNotice(recipient, holder.userId(), row.id(), kind, row.expiresOn(), now)) {
                    told.add(recipient);
                }
            }
            if (!told.isEmpty()) {
                audit.record("STAFF_" + kind, ENTITY, String.valueOf(row.id()), "%s %s of %s expires %s; reminded %s"
                        .formatted(row.kindCode(), row.number(), holder.username(), row.expiresOn(), told));
                sent += told.size();
            }
        }
        return sent;
    }

    /** The actor's latest staff notices. */
    @Transactional(readOnly = true)
    public List<StaffNotice> notices(Actor actor) {
        return repository.notices(actor.username(), 50);
    }

    @Transactional
    public int markNoticesRead(Actor actor) {
        return repository.markNoticesRead(actor.username(), now());
    }

    // ---- the assignment rule

    /**
     * Refuses to give a person work that a kind mandatory for their position covers, unless they hold a certificate
     * of that kind valid on the day (Asia/Shanghai). People without a profile are not judged here.
     */
    @Override
    @Transactional(readOnly = true)
    public Optional<Refusal> refusal(Assignment assignment) {
        Optional<StaffMember> member = users.member(assignment.assigneeUsername());
        if (member.isEmpty()) {
            return Optional.empty();
        }
        return blockedBy(member.get().userId(), assignment.type(), assignment.categoryCode(), assignment.at())
                .map(block -> block.expiredOn() == null
                        ? new Refusal("validation.staff.certificateMissing", List.<Object>of(member.get().username(),
                                block.kindName()))
                        : new Refusal("validation.staff.certificateExpired", List.<Object>of(member.get().username(),
                                block.kindName(), block.expiredOn().toString())));
    }

    /** The first mandatory kind covering the work that the person lacks a valid certificate of, if any. */
    Optional<Block> blockedBy(long userId, WorkOrderType type, String categoryCode, Instant at) {
        Optional<Position> position = staff.profile(userId).map(StaffRepository.ProfileRow::position);
        if (position.isEmpty()) {
            return Optional.empty();
        }
        LocalDate day = at.atZone(BusinessTime.ZONE).toLocalDate();
        for (String kind : repository.mandatoryCovering(position.get(), type, categoryCode)) {
            if (!repository.holdsValid(userId, kind, day)) {
                String name = repository.kindNames(english()).getOrDefault(kind, kind);
                return Optional.of(new Block(kind, name, repository.lastExpired(userId, kind, day).orElse(null)));
            }
        }
        return Optional.empty();
    }

    /** Why a person is blocked: the kind, and the day their last certificate of it expired (null: none held). */
    record Block(String kindCode, String kindName, LocalDate expiredOn) {
    }

    // ---- helpers

    private void check(CertificateRepository.Row row) {
        if (row.number().length() > 64) {
            throw InvalidInputException.of("number", "validation.staff.tooLong", 64);
        }
        if (row.issuer().length() > 100) {
            throw InvalidInputException.of("issuer", "validation.staff.tooLong", 100);
        }
        if (row.issuedOn() == null) {
            throw InvalidInputException.of("issuedOn", "validation.staff.required");
        }
        if (row.issuedOn().isAfter(today())) {
            throw InvalidInputException.of("issuedOn", "validation.staff.issuedInFuture");
        }
        if (row.expiresOn() != null && row.expiresOn().isBefore(row.issuedOn())) {
            throw InvalidInputException.of("expiresOn", "validation.staff.expiresBeforeIssued");
        }
        if (repository.numberTaken(row.kindCode(), row.number(), row.id())) {
            throw InvalidInputException.of("number", "validation.staff.numberTaken", row.number());
        }
    }

    private CertificateRepository.Row load(long userId, long certificateId) {
        return repository.find(certificateId).filter(c -> c.userId() == userId)
                .orElseThrow(() -> new NotFoundException(ENTITY, certificateId));
    }

    private void profilesCache(List<CertificateRepository.Row> rows, Map<Long, StaffProfile> holders) {
        Set<Long> ids = new LinkedHashSet<>();
        rows.forEach(r -> ids.add(r.userId()));
        profiles.directory().profilesOf(ids).forEach(p -> holders.put(p.userId(), p));
    }

    private List<Certificate> views(StaffProfile holder, List<CertificateRepository.Row> rows) {
        return rows.stream().map(r -> view(holder, r)).toList();
    }

    Certificate view(StaffProfile holder, CertificateRepository.Row row) {
        List<CertificateKind> kinds = repository.kinds();
        CertificateKind kind = kinds.stream().filter(k -> k.code().equals(row.kindCode())).findFirst().orElse(null);
        LocalDate today = today();
        Certificate.State state;
        if (row.issuedOn().isAfter(today)) {
            state = Certificate.State.NOT_YET_VALID;
        } else if (row.expiresOn() != null && row.expiresOn().isBefore(today)) {
            state = Certificate.State.EXPIRED;
        } else if (row.expiresOn() != null && !row.expiresOn().isAfter(today.plusDays(properties.reminderLeadDays()))) {
            state = Certificate.State.EXPIRING;
        } else {
            state = Certificate.State.VALID;
        }
        String name = kind == null ? row.kindCode() : english() ? kind.nameEn() : kind.name();
        boolean mandatory = kind != null && kind.mandatoryFor().contains(holder.position());
        return new Certificate(row.id(), row.userId(), row.kindCode(), name, row.number(), row.issuer(),
                row.issuedOn(), row.expiresOn(), state, mandatory, row.scanFilename(), row.scanContentType(),
                row.scanSize(), row.version());
    }

    private static boolean english() {
        return "en".equals(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage());
    }

    static String safeName(String filename) {
        String name = filename == null || filename.isBlank() ? "scan" : filename;
        name = name.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "_");
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private LocalDate today() {
        return now().atZone(BusinessTime.ZONE).toLocalDate();
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
