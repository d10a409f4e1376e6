package org.gridcare.sla;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.InvalidInputException.Violation;
import org.gridcare.shared.PageResult;
import org.gridcare.shared.security.Actors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/sla")
@Tag(name = "SLA", description = "时限 — SLA clock previews and the versioned SLA policy")
class SlaApiController {

    static final int MAX_PAGE_SIZE = 200;

    private final SlaClocks clocks;
    private final SlaPolicies policies;
    private final Clock clock;

    SlaApiController(SlaClocks clocks, SlaPolicies policies, Clock clock) {
        this.clocks = clocks;
        this.policies = policies;
        this.clock = clock;
    }

    @GetMapping("/preview")
    @Operation(summary = "The clocks and due times an order would get if accepted at `start` (default now)")
    PreviewResponse preview(@RequestParam(required = false) String type,
                            @RequestParam(required = false) String subType,
                            @RequestParam(required = false) String priority,
                            @RequestParam(required = false) String areaType,
                            @RequestParam(required = false) String channel,
                            @RequestParam(required = false) String start) {
        List<Violation> errors = new ArrayList<>();
        String t = value(type, "type", OrderVocabulary.TYPES, true, errors);
        String s = value(subType, "subType", OrderVocabulary.SUB_TYPES, false, errors);
        if (s != null && t != null && !OrderVocabulary.SUB_TYPED.equals(t)) {
            errors.add(new Violation("subType", "sla.validation.subTypeWithoutType", OrderVocabulary.SUB_TYPED));
        }
        String p = value(priority, "priority", OrderVocabulary.PRIORITIES, false, errors);
        String a = value(areaType, "areaType", OrderVocabulary.AREA_TYPES, false, errors);
        String c = value(channel, "channel", OrderVocabulary.CHANNELS, false, errors);
        Instant at = Instant.now(clock);
        if (start != null && !start.isBlank()) {
            try {
                at = moment(start.trim());
            } catch (DateTimeParseException e) {
                errors.add(new Violation("start", "sla.validation.timestamp", start));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        OrderProfile profile = new OrderProfile(t, s, p == null ? "NORMAL" : p, a, c);
        int version = policies.inForceAt(at).number();
        List<PreviewClock> items = clocks.preview(profile, at).stream()
                .map(v -> new PreviewClock(v.name(), v.startedAt(), v.dueAt())).toList();
        return new PreviewResponse(version, items);
    }

    @GetMapping("/policies")
    @Operation(summary = "The SLA policy versions, newest first")
    PageResult<VersionResponse> versions(@RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size) {
        int p = page == null ? 0 : page;
        int n = size == null ? 20 : size;
        if (p < 0) {
            throw InvalidInputException.of("page", "validation.page.min");
        }
        if (n < 1 || n > MAX_PAGE_SIZE) {
            throw InvalidInputException.of("size", "validation.size.range", MAX_PAGE_SIZE);
        }
        Instant now = Instant.now(clock);
        long inForce = policies.inForceAt(now).id();
        List<PolicyVersion> all = policies.versions();
        List<VersionResponse> items = all.stream().skip((long) p * n).limit(n)
                .map(v -> VersionResponse.of(v, v.id() == inForce)).toList();
        return new PageResult<>(items, p, n, all.size());
    }

    @GetMapping("/policies/{number}")
    @Operation(summary = "One policy version with its clock rules")
    VersionDetail version(@PathVariable int number) {
        PolicyVersion version = policies.byNumber(number);
        long inForce = policies.inForceAt(Instant.now(clock)).id();
        return new VersionDetail(VersionResponse.of(version, version.id() == inForce),
                policies.rules(version.id()).stream().map(RuleResponse::of).toList());
    }

    @PostMapping("/policies")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Publish a new policy version (the complete rule set) effective from a moment (default now)")
    ResponseEntity<VersionDetail> publish(@RequestBody NewPolicyVersion command) {
        PolicyVersion created = policies.publish(command, Actors.required());
        return ResponseEntity.created(URI.create("/api/v1/sla/policies/" + created.number()))
                .body(version(created.number()));
    }

    /** An ISO-8601 moment with offset, or a local date-time read as business time (Asia/Shanghai). */
    private static Instant moment(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return java.time.LocalDateTime.parse(value).atZone(org.gridcare.shared.BusinessTime.ZONE).toInstant();
        }
    }

    private static String value(String raw, String field, List<String> allowed, boolean required,
                                List<Violation> errors) {
        return OrderVocabulary.checked(raw, allowed, field, required, errors);
    }

    record PreviewResponse(int policyVersion, List<PreviewClock> clocks) {
    }

    record PreviewClock(String name, Instant startedAt, Instant dueAt) {
    }

    record VersionResponse(int number, Instant effectiveFrom, String note, String author, String source,
                           Instant createdAt, boolean inForce) {
        static VersionResponse of(PolicyVersion v, boolean inForce) {
            return new VersionResponse(v.number(), v.effectiveFrom(), v.note(), v.author(), v.source(), v.createdAt(),
                    inForce);
        }
    }

    record VersionDetail(VersionResponse version, List<RuleResponse> rules) {
    }

    record RuleResponse(long id, String clockName, String orderType, String subType, String priority, String areaType,
                        String channel, List<String> startEvents, List<String> stopEvents, int amount, String unit,
                        int warningPercent, List<String> pauseStates, boolean assumed, String note, String source) {
        static RuleResponse of(ClockRule r) {
            return new RuleResponse(r.id(), r.clockName(), r.orderType(), r.subType(), r.priority(), r.areaType(),
                    r.channel(), names(r.startEvents()), names(r.stopEvents()), r.amount(), r.unit().name(),
                    r.warningPercent(), r.pauseStates().stream().sorted().toList(), r.assumed(), r.note(), r.source());
        }

        private static List<String> names(Set<OrderEvent> events) {
            return events.stream().sorted().map(Enum::name).toList();
        }
    }
}
