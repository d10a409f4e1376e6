package org.gridcare.survey;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

import org.gridcare.audit.AuditTrail;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.Masking;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.PageResult;
import org.gridcare.shared.security.Actor;
import org.gridcare.workorder.ReturnVisits;
import org.gridcare.workorder.VisitResult;
import org.gridcare.workorder.VisitSubject;
import org.gridcare.workorder.WorkOrderType;
import org.gridcare.workorder.WorkOrders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer self-rating surveys: which reviewed orders get a link (the sampling rules), the link's life (signed,
 * single use, expiring) and the rating it brings back, recorded as a SELF_RATING return visit of the order.
 */
@Service
public class Surveys {

    private static final Logger log = LoggerFactory.getLogger(Surveys.class);
    static final String ENTITY = "SurveyLink";
    static final int MAX_COMMENT = 500;
    /** Scores map only to verdicts: an unreachable or refused customer does not fill in a form. */
    static final List<VisitResult> VERDICTS = List.of(VisitResult.SATISFIED, VisitResult.BASICALLY_SATISFIED,
            VisitResult.DISSATISFIED);

    private final SurveyRepository surveys;
    private final SurveyLinks links;
    private final ReturnVisits visits;
    private final WorkOrders orders;
    private final OrgUnits units;
    private final AuditTrail audit;
    private final SurveyProperties properties;
    private final Clock clock;

    Surveys(SurveyRepository surveys, SurveyLinks links, ReturnVisits visits, WorkOrders orders, OrgUnits units,
            AuditTrail audit, SurveyProperties properties, Clock clock) {
        this.surveys = surveys;
        this.links = links;
        this.visits = visits;
        this.orders = orders;
        this.units = units;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    // ---- issuing

    /** Why an order got no link (or NONE: it got one). */
    enum Skip { NONE, NOT_WAITING, NOT_SAMPLED, STAFF, RECENTLY_SURVEYED }

    /**
     * Decides whether a reviewed order gets a self-rating link and, if so, writes the link and its message to
     * the outbox. The rules: the order waits for its visit; it falls in the type's sampling rate (by a hash of
     * its number, so the decision is stable and reproducible); the caller is not staff; the customer (or the
     * phone, for an anonymous caller) had no survey in the last N days.
     */
    @Transactional
    Skip issueFor(long orderId) {
        Optional<VisitSubject> found = visits.subject(orderId);
        if (found.isEmpty() || !found.get().awaitingVisit()) {
            return Skip.NOT_WAITING;
        }
        VisitSubject order = found.get();
        SurveySettings settings = surveys.settings();
        if (!sampled(order.number(), settings.rateOf(order.type()))) {
            return Skip.NOT_SAMPLED;
        }
        if (settings.isStaff(order.customerNumber(), order.callerPhone())) {
            return Skip.STAFF;
        }
        Instant now = Instant.now(clock);
        if (surveys.surveyedSince(order.customerNumber(), order.callerPhone(),
                now.minus(Duration.ofDays(settings.customerIntervalDays())))) {
            return Skip.RECENTLY_SURVEYED;
        }
        String nonce = SurveyLinks.nonce();
        var link = new SurveyRepository.Link(null, orderId, order.number(), order.type(), order.unitId(),
                order.customerNumber(), order.callerPhone(), nonce, now,
                now.plus(Duration.ofHours(settings.linkValidityHours())), null, null);
        long id = surveys.insertLink(link);
        String url = properties.publicBaseUrl().replaceAll("/+$", "") + "/s/" + links.token(id, nonce);
        // the message text is Chinese: it goes to the customer's phone, not to a console user
        String body = "【国网客服】您好，您的工单 %s 已处理完毕，请对本次服务评价：%s （%d 小时内有效）"
                .formatted(order.number(), url, settings.linkValidityHours());
        surveys.insertMessage(id, order.unitId(), order.number(), order.callerPhone(), body, now);
        audit.record("SURVEY_LINK_ISSUED", ENTITY, String.valueOf(id), "order %s, expires %s".formatted(
                order.number(), link.expiresAt()));
        log.debug("survey link {} issued for order {}", id, order.number());
        return Skip.NONE;
    }

    /** The share {@code rate} of all order numbers, chosen by a stable hash of the number. */
    static boolean sampled(String number, BigDecimal rate) {
        if (rate.signum() <= 0) {
            return false;
        }
        CRC32 crc = new CRC32();
        crc.update(number.getBytes(StandardCharsets.US_ASCII));
        return crc.getValue() % 10_000 < rate.movePointRight(4).longValue();
    }

    // ---- the customer's page

    /** What the customer's page shows for a token. */
    public record SurveyPage(LinkState state, String orderNumber, WorkOrderType type, Instant expiresAt) {

        static SurveyPage invalid() {
            return new SurveyPage(LinkState.INVALID, null, null, null);
        }
    }

    @Transactional(readOnly = true)
    public SurveyPage open(String token) {
        return resolve(token).map(SurveyView::page).orElseGet(SurveyPage::invalid);
    }

    /**
     * Records the customer's rating: the link is used up and a SELF_RATING visit is recorded on the order in one
     * transaction. A score outside 1–5 or a comment too long is a 400 naming the field; a link that cannot be
     * used any more is a 409 whose arguments carry the {@link LinkState}.
     */
    @Transactional
    public SurveyPage submit(String token, Integer score, String comment) {
        SurveyView view = resolve(token).orElse(null);
        if (view == null || view.page().state() != LinkState.OPEN) {
            throw new ConflictException("error.survey.linkNotOpen",
                    view == null ? LinkState.INVALID : view.page().state());
        }
        if (score == null || score < 1 || score > 5) {
            throw InvalidInputException.of("score", "validation.survey.score");
        }
        String text = comment == null || comment.isBlank() ? null : comment.trim();
        if (text != null && text.length() > MAX_COMMENT) {
            throw InvalidInputException.of("comment", "validation.survey.tooLong", MAX_COMMENT);
        }
        Instant now = Instant.now(clock);
        if (!surveys.use(view.link().id(), score, now)) {
            throw new ConflictException("error.survey.linkNotOpen", LinkState.USED);
        }
        VisitResult result = surveys.settings().resultOf(score);
        orders.recordSelfRating(view.link().orderId(), result, score, text);
        audit.record("SURVEY_ANSWERED", ENTITY, String.valueOf(view.link().id()), "order %s: score %d → %s"
                .formatted(view.link().orderNumber(), score, result));
        return new SurveyPage(LinkState.USED, view.link().orderNumber(), view.link().orderType(), null);
    }

    private record SurveyView(SurveyRepository.Link link, SurveyPage page) {
    }

    private Optional<SurveyView> resolve(String token) {
        return links.verify(token).flatMap(signed -> surveys.link(signed.linkId())
                .filter(link -> java.security.MessageDigest.isEqual(
                        link.nonce().getBytes(StandardCharsets.US_ASCII),
                        signed.nonce().getBytes(StandardCharsets.US_ASCII))))
                .map(link -> new SurveyView(link, new SurveyPage(state(link), link.orderNumber(), link.orderType(),
                        link.expiresAt())));
    }

    private LinkState state(SurveyRepository.Link link) {
        if (link.usedAt() != null) {
            return LinkState.USED;
        }
        if (!Instant.now(clock).isBefore(link.expiresAt())) {
            return LinkState.EXPIRED;
        }
        return visits.subject(link.orderId()).filter(VisitSubject::awaitingVisit).isPresent()
                ? LinkState.OPEN : LinkState.CLOSED;
    }

    // ---- settings and the outbox

    @Transactional(readOnly = true)
    public SurveySettings settings() {
        return surveys.settings();
    }

    /** A change of the survey rules, as the console's settings form sends it. */
    public record Change(Integer customerIntervalDays, Integer linkValidityHours, List<VisitResult> scoreResults,
                         Map<WorkOrderType, BigDecimal> samplingRates, List<String> staffContacts, Integer version) {
    }

    @Transactional
    public SurveySettings change(Change change, Actor actor) {
        SurveySettings current = surveys.settings();
        List<InvalidInputException.Violation> violations = new ArrayList<>();
        if (change.version() == null) {
            throw InvalidInputException.of("version", "validation.survey.required");
        }
        int days = change.customerIntervalDays() == null ? -1 : change.customerIntervalDays();
        if (days < 0 || days > 365) {
            violations.add(new InvalidInputException.Violation("customerIntervalDays", "validation.survey.range",
                    new Object[] {0, 365}));
        }
        int hours = change.linkValidityHours() == null ? 0 : change.linkValidityHours();
        if (hours < 1 || hours > 720) {
            violations.add(new InvalidInputException.Violation("linkValidityHours", "validation.survey.range",
                    new Object[] {1, 720}));
        }
        List<VisitResult> results = change.scoreResults();
        if (results == null || results.size() != 5 || results.stream().anyMatch(r -> r == null || !VERDICTS.contains(r))) {
            violations.add(new InvalidInputException.Violation("scoreResults", "validation.survey.scoreResults",
                    new Object[0]));
        }
        Map<WorkOrderType, BigDecimal> rates = new EnumMap<>(WorkOrderType.class);
        rates.putAll(current.samplingRates());
        if (change.samplingRates() != null) {
            change.samplingRates().forEach((type, rate) -> {
                if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0 || rate.scale() > 4) {
                    violations.add(new InvalidInputException.Violation("samplingRates[" + type + "]",
                            "validation.survey.rate", new Object[0]));
                } else {
                    rates.put(type, rate);
                }
            });
        }
        List<String> staff = new ArrayList<>();
        if (change.staffContacts() != null) {
            for (String contact : change.staffContacts()) {
                String c = contact == null ? "" : contact.trim();
                if (c.isEmpty()) {
                    continue;
                }
                if (!c.matches("\\d{3,20}")) {
                    violations.add(new InvalidInputException.Violation("staffContacts", "validation.survey.contact",
                            new Object[] {c}));
                } else if (!staff.contains(c)) {
                    staff.add(c);
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        var changed = new SurveySettings(days, hours, List.copyOf(results), Map.copyOf(rates), List.copyOf(staff),
                actor.username(), Instant.now(clock), change.version());
        if (!surveys.save(changed)) {
            throw ConflictException.staleVersion("SurveySettings", "1");
        }
        audit.record("SURVEY_SETTINGS_CHANGED", "SurveySettings", "1", "interval %d → %d days, validity %d → %d h, "
                .formatted(current.customerIntervalDays(), days, current.linkValidityHours(), hours)
                + "scores %s → %s, rates %s → %s, staff contacts %d → %d".formatted(current.scoreResults(), results,
                current.samplingRates(), rates, current.staffContacts().size(), staff.size()));
        return surveys.settings();
    }

    /** A message of the outbox; the link in it is shown to administrators only. */
    public record OutboxMessage(String orderNumber, String phone, String body, Instant createdAt, Instant expiresAt,
                                Instant usedAt, Integer score) {
    }

    @Transactional(readOnly = true)
    public PageResult<OutboxMessage> outbox(int page, Actor actor) {
        boolean admin = actor.isAdmin();
        return surveys.messages(units.scopeOf(actor), PageQuery.of(page, 20, null, Map.of("createdAt", "created_at")))
                .map(m -> new OutboxMessage(m.orderNumber(), Masking.phone(m.phone()),
                        admin ? m.body() : m.body().replaceAll("/s/\\S+", "/s/…"), m.createdAt(), m.expiresAt(),
                        m.usedAt(), m.score()));
    }
}
