package org.gridcare.feedback;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.gridcare.audit.AuditTrail;
import org.gridcare.customer.CustomerDirectory;
import org.gridcare.customer.CustomerSummary;
import org.gridcare.identity.Users;
import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitId;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.Masking;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.PageResult;
import org.gridcare.shared.security.Actor;
import org.gridcare.sla.SlaClocks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service feedback (服务反馈): recorded on any channel, scoped to a unit, handled through its small lifecycle and
 * answered by its due time (working days after it came in, by the SLA module's calendar). Every change is
 * audited; the contact's phone is shown in full to administrators only, and that view is audited.
 */
@Service
public class Feedbacks {

    static final String ENTITY = "Feedback";
    public static final Map<String, String> SORTS = sorts();
    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{3,30}");

    private final FeedbackRepository feedback;
    private final OrgUnits units;
    private final CustomerDirectory customers;
    private final Users users;
    private final SlaClocks sla;
    private final AuditTrail audit;
    private final FeedbackProperties properties;
    private final Clock clock;

    Feedbacks(FeedbackRepository feedback, OrgUnits units, CustomerDirectory customers, Users users, SlaClocks sla,
              AuditTrail audit, FeedbackProperties properties, Clock clock) {
        this.feedback = feedback;
        this.units = units;
        this.customers = customers;
        this.users = users;
        this.sla = sla;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    private static Map<String, String> sorts() {
        Map<String, String> sorts = new LinkedHashMap<>();
        sorts.put("createdAt", "created_at");
        sorts.put("dueAt", "due_at");
        sorts.put("updatedAt", "updated_at");
        return java.util.Collections.unmodifiableMap(sorts);
    }

    @Transactional
    public FeedbackView create(NewFeedback command, Actor actor) {
        DataScope scope = units.scopeOf(actor);
        CustomerSummary customer = null;
        String customerNumber = Feedback.blankToNull(command.customerNumber());
        if (customerNumber != null) {
            customer = customers.find(customerNumber, scope).orElseThrow(() ->
                    InvalidInputException.of("customerNumber", "validation.feedback.unknownCustomer", customerNumber));
        }
        String staff = Feedback.blankToNull(command.staffUsername());
        if (staff != null) {
            try {
                staff = users.get(staff, actor).username();
            } catch (NotFoundException e) {
                throw InvalidInputException.of("staffUsername", "validation.feedback.unknownStaff", staff);
            }
        }
        String phone = Feedback.blankToNull(command.contactPhone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw InvalidInputException.of("contactPhone", "validation.feedback.phone");
        }
        OrgUnit unit = unitOf(command.unitCode(), customer, actor, scope);
        Instant now = Instant.now(clock);
        Instant due = sla.endOfWorkingDaysAfter(now, properties.responseWorkingDays());
        var created = new Feedback(null, command.channel(), command.category(), command.sentiment(),
                FeedbackStatus.NEW, unit.id().value(), unit.code(), customerNumber, staff,
                Feedback.blankToNull(command.contactName()), phone, command.description().trim(), null, due, null,
                null, actor.username(), now, now, 0);
        long id = feedback.insert(created);
        feedback.insertEvent(id, now, actor.username(), new Feedback.Move(null, null, FeedbackStatus.NEW, null));
        audit.record("FEEDBACK_CREATED", ENTITY, String.valueOf(id), "%s %s %s, unit %s, due %s".formatted(
                command.channel(), command.category(), command.sentiment(), unit.code(), due));
        return get(id, actor, false);
    }

    private OrgUnit unitOf(String unitCode, CustomerSummary customer, Actor actor, DataScope scope) {
        String code = Feedback.blankToNull(unitCode);
        if (code != null) {
            return units.findByCode(code).filter(u -> scope.includes(u.id().value()))
                    .orElseThrow(() -> InvalidInputException.of("unitCode", "validation.feedback.unknownUnit", code));
        }
        long unitId = customer != null ? customer.unitId() : actor.unitId();
        return units.findById(new OrgUnitId(unitId))
                .orElseThrow(() -> InvalidInputException.of("unitCode", "validation.feedback.required"));
    }

    @Transactional
    public FeedbackView get(long id, Actor actor) {
        return get(id, actor, true);
    }

    private FeedbackView get(long id, Actor actor, boolean auditUnmasked) {
        Feedback found = load(id, units.scopeOf(actor));
        if (auditUnmasked && actor.isAdmin() && found.contactPhone() != null) {
            audit.record("FEEDBACK_CONTACT_VIEWED", ENTITY, String.valueOf(id), "contact phone shown unmasked");
        }
        return view(found, actor, feedback.history(id));
    }

    /** The list; {@code unitCode} must lie in the caller's scope. */
    @Transactional(readOnly = true)
    public PageResult<FeedbackView> find(FeedbackStatus status, FeedbackChannel channel, FeedbackCategory category,
                                         Sentiment sentiment, String unitCode, Boolean overdue, Instant createdFrom,
                                         Instant createdTo, PageQuery page, Actor actor) {
        DataScope scope = units.scopeOf(actor);
        Long unitId = null;
        String code = Feedback.blankToNull(unitCode);
        if (code != null) {
            unitId = units.findByCode(code).filter(u -> scope.includes(u.id().value())).map(u -> u.id().value())
                    .orElseThrow(() -> InvalidInputException.of("unit", "validation.feedback.unknownUnit", code));
        }
        var filter = new FeedbackRepository.Filter(status, channel, category, sentiment, unitId, overdue, createdFrom,
                createdTo);
        return feedback.find(filter, scope, page, Instant.now(clock)).map(f -> view(f, actor, null));
    }

    /** Takes a move; {@code version} must be the one the caller saw. */
    @Transactional
    public FeedbackView act(long id, FeedbackAction action, Integer version, String reason, String response,
                            Actor actor) {
        Feedback found = load(id, units.scopeOf(actor));
        if (version == null) {
            throw InvalidInputException.of("version", "validation.feedback.required");
        }
        if (version != found.version()) {
            throw ConflictException.staleVersion(ENTITY, id);
        }
        if (reason != null && reason.length() > 2000) {
            throw InvalidInputException.of("reason", "validation.feedback.tooLong", 2000);
        }
        if (response != null && response.length() > 4000) {
            throw InvalidInputException.of("response", "validation.feedback.tooLong", 4000);
        }
        Instant now = Instant.now(clock);
        Feedback.Move move = found.act(action, reason, response, now);
        if (!feedback.update(found)) {
            throw ConflictException.staleVersion(ENTITY, id);
        }
        feedback.insertEvent(id, now, actor.username(), move);
        audit.record("FEEDBACK_" + action.name(), ENTITY, String.valueOf(id), "%s → %s%s".formatted(move.from(),
                move.to(), move.reason() == null ? "" : ": " + move.reason()));
        return view(load(id, units.scopeOf(actor)), actor, feedback.history(id));
    }

    private Feedback load(long id, DataScope scope) {
        return feedback.find(id, scope).orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    private FeedbackView view(Feedback f, Actor actor, List<FeedbackView.Event> history) {
        List<String> actions = history == null ? null
                : Arrays.stream(FeedbackAction.values()).filter(f::allows).map(FeedbackAction::path).toList();
        return new FeedbackView(f.id(), f.channel(), f.category(), f.sentiment(), f.status(), f.unitCode(),
                f.customerNumber(), f.staffUsername(), f.contactName(),
                actor.isAdmin() && history != null ? f.contactPhone() : Masking.phone(f.contactPhone()),
                f.description(), f.responseText(), f.dueAt(), f.respondedAt(), f.closedAt(),
                f.overdue(Instant.now(clock)), f.createdBy(), f.createdAt(), f.updatedAt(), f.version(), history,
                actions);
    }
}
