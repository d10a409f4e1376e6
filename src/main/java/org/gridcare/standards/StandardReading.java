package org.gridcare.standards;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.gridcare.audit.AuditTrail;
import org.gridcare.shared.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the training module needs of the library: a standard's title by code (for its course materials), and the
 * acknowledgement of a version by a staff member who completed its read-and-acknowledge course.
 */
@Service
public class StandardReading {

    private final StandardRepository repository;
    private final AuditTrail audit;
    private final Clock clock;

    StandardReading(StandardRepository repository, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    /** The title of a standard; empty when there is no standard with that code. */
    @Transactional(readOnly = true)
    public Optional<String> titleOf(String code) {
        return repository.findByCode(normal(code)).map(Standard::title);
    }

    /**
     * Acknowledges version {@code number} of the standard for the actor when their task for it is still open
     * (audited); false when there was none (already acknowledged on the standard's page, or not bound).
     */
    @Transactional
    public boolean acknowledge(String code, int number, Actor actor) {
        Optional<StandardVersion> version = repository.findByCode(normal(code))
                .flatMap(s -> repository.version(s.id(), number));
        if (version.isEmpty() || !repository.acknowledge(version.get().id(), actor.userId(), Instant.now(clock))) {
            return false;
        }
        audit.record("STANDARD_ACKNOWLEDGED", "Standard", normal(code),
                "v%d read and acknowledged through its training course".formatted(number));
        return true;
    }

    private static String normal(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }
}
