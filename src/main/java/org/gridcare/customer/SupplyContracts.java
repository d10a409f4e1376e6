package org.gridcare.customer;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.gridcare.audit.AuditTrail;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.InvalidInputException.Violation;
import org.gridcare.shared.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supply contract's effective-dated history (用电合同变更): a change of tariff and — for a two-part tariff — of
 * the basic-charge basis takes effect from the first day of a billing month; the archive's {@code tariff_code} and
 * {@code basic_charge_basis} hold the contract in force now and are brought up to date when a change's month comes
 * ({@link #rollOver}, daily and at each change). The only way the contract changes once it has a history — the
 * archive's PATCH refuses {@code tariffCode} then. Every change is validated against the tariff schedules
 * ({@link TariffCatalogue}) and audited.
 */
@Service
public class SupplyContracts {

    static final String ENTITY = "SupplyContract";
    private static final Logger log = LoggerFactory.getLogger(SupplyContracts.class);

    private final JdbcClient jdbc;
    private final Customers customers;
    private final TariffCatalogue tariffs;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SupplyContracts(JdbcClient jdbc, Customers customers, TariffCatalogue tariffs, AuditTrail audit,
                    ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.tariffs = tariffs;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The customer's contract terms, oldest first (empty when the archive's contract never changed). */
    @Transactional(readOnly = true)
    public List<ContractTerm> history(String number, Actor actor) {
        Customer customer = customers.get(number, actor);
        return terms(jdbc, new Long[] {customer.id().value()}).getOrDefault(customer.id().value(), List.of());
    }

    /**
     * {@link #changeContract(String, ContractChange, Actor)} with typed arguments, for other modules (a completed
     * application is carried out by {@code shared.security.SystemActor}).
     */
    @Transactional
    public List<ContractTerm> changeContract(String number, String tariffCode, ChargeBasis basis, LocalDate effectiveFrom,
                                             String reason, String reference, Actor actor) {
        return changeContract(number, new ContractChange(tariffCode, basis == null ? null : basis.name(),
                effectiveFrom == null ? null : effectiveFrom.toString(), reason, reference), actor);
    }

    /**
     * Changes the contract from the first day of a billing month: the tariff must exist and be in force then, a
     * basis is only for a two-part tariff (CAPACITY needs the archive's capacity), a reason is required. A change
     * for a month that already has a term replaces it; a change to exactly the contract in force that month is
     * not written again (idempotent). Returns the history after the change.
     */
    @Transactional
    public List<ContractTerm> changeContract(String number, ContractChange change, Actor actor) {
        Customer customer = customers.get(number, actor);
        if (change == null) {
            throw InvalidInputException.of("tariffCode", "validation.contract.tariffCode.required");
        }
        List<Violation> problems = new ArrayList<>();
        String code = change.tariffCode() == null ? "" : change.tariffCode().strip();
        LocalDate from = effectiveFrom(change.effectiveFrom(), problems);
        ChargeBasis basis = null;
        if (change.basicChargeBasis() != null && !change.basicChargeBasis().isBlank()) {
            try {
                basis = ChargeBasis.valueOf(change.basicChargeBasis().strip());
            } catch (IllegalArgumentException e) {
                problems.add(new Violation("basicChargeBasis", "validation.contract.basis.unknown",
                        change.basicChargeBasis().strip()));
            }
        }
        String reason = change.reason() == null ? "" : change.reason().strip();
        if (reason.isEmpty()) {
            problems.add(new Violation("reason", "validation.contract.reason.required"));
        } else if (reason.length() > 500) {
            problems.add(new Violation("reason", "validation.contract.reason.length", 500));
        }
        String reference = change.reference() == null || change.reference().isBlank() ? null : change.reference().strip();
        if (reference != null && reference.length() > 60) {
            problems.add(new Violation("reference", "validation.contract.reference.length", 60));
        }
        if (code.isEmpty()) {
            problems.add(new Violation("tariffCode", "validation.contract.tariffCode.required"));
        } else if (from != null) {
            Optional<TariffCatalogue.TariffFacts> tariff = tariffs.inForce(code, from);
            if (tariff.isEmpty()) {
                problems.add(new Violation("tariffCode", "validation.contract.tariffCode.unknown", code, from));
            } else if (tariff.get().twoPart()) {
                if (basis == ChargeBasis.CAPACITY && (customer.capacityKva() == null || customer.capacityKva().signum() <= 0)) {
                    problems.add(new Violation("basicChargeBasis", "validation.contract.basis.noCapacity"));
                }
            } else if (basis != null) {
                problems.add(new Violation("basicChargeBasis", "validation.contract.basis.notTwoPart", code));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = customer.id().value();
        // serialise changes of one customer: lock the archive row
        jdbc.sql("select id from customer where id = :id for update").param("id", id).query(Long.class).single();
        List<ContractTerm> before = terms(jdbc, new Long[] {id}).getOrDefault(id, List.of());
        YearMonth month = YearMonth.from(from);
        BillingAccount.Contract inForce = BillingAccount.termIn(before, month, customer.tariffCode(),
                customer.basicChargeBasis());
        if (code.equals(inForce.tariffCode()) && basis == inForce.basis()) {
            return before;
        }
        Instant now = Instant.now(clock);
        if (before.isEmpty()) {
            insert(id, null, customer.tariffCode(), customer.basicChargeBasis(), "archive", null, "system",
                    customer.createdAt());
        }
        jdbc.sql("delete from customer_contract where customer_id = :id and effective_from = :from")
                .param("id", id).param("from", Date.valueOf(from)).update();
        insert(id, from, code, basis, reason, reference, actor.username(), now);
        audit.record("CONTRACT_CHANGED", ENTITY, number, "from %s: tariff %s → %s, basis %s → %s (%s)%s".formatted(
                month, inForce.tariffCode(), code, inForce.basis(), basis, reason,
                reference == null ? "" : ", ref " + reference));
        applyInForce(id, today());
        events.publishEvent(new ContractChanged(customer.number(), customer.unitId(), month));
        return terms(jdbc, new Long[] {id}).getOrDefault(id, List.of());
    }

    /** Brings every customer whose contract changed by {@code today}'s month up to date; returns how many changed. */
    @Transactional
    public int rollOver(LocalDate today) {
        List<Long> ids = jdbc.sql("""
                select distinct k.customer_id from customer_contract k join customer c on c.id = k.customer_id
                 where k.effective_from is not null and k.effective_from <= :today
                   and k.effective_from = (select max(k2.effective_from) from customer_contract k2
                                            where k2.customer_id = k.customer_id and k2.effective_from <= :today)
                   and (c.tariff_code is distinct from k.tariff_code or c.basic_charge_basis is distinct from k.basic_charge_basis)
                """).param("today", Date.valueOf(today)).query(Long.class).list();
        int changed = 0;
        for (long id : ids) {
            changed += applyInForce(id, today) ? 1 : 0;
        }
        return changed;
    }

    @Scheduled(cron = "${gridcare.customer.contract-rollover-cron:0 5 0 * * *}", zone = "Asia/Shanghai")
    void scheduledRollOver() {
        try {
            int n = rollOver(today());
            if (n > 0) {
                log.info("Supply contracts: {} customers' new contract terms came into force", n);
            }
        } catch (RuntimeException e) {
            log.error("Supply contract rollover failed; the next run will retry", e);
        }
    }

    /** Writes the term in force in {@code today}'s month to the archive row when it differs; audited. */
    private boolean applyInForce(long id, LocalDate today) {
        Customer customer = customers.byId(id);
        List<ContractTerm> terms = terms(jdbc, new Long[] {id}).getOrDefault(id, List.of());
        if (terms.isEmpty()) {
            return false;
        }
        BillingAccount.Contract now = BillingAccount.termIn(terms, YearMonth.from(today), customer.tariffCode(),
                customer.basicChargeBasis());
        if (Objects.equals(now.tariffCode(), customer.tariffCode()) && now.basis() == customer.basicChargeBasis()) {
            return false;
        }
        jdbc.sql("""
                update customer set tariff_code = :tariff, basic_charge_basis = :basis, version = version + 1,
                       updated_at = :now where id = :id
                """).param("tariff", now.tariffCode()).param("basis", now.basis() == null ? null : now.basis().name())
                .param("now", Timestamp.from(Instant.now(clock))).param("id", id).update();
        audit.record("CONTRACT_IN_FORCE", ENTITY, customer.number(), "tariff %s → %s, basis %s → %s".formatted(
                customer.tariffCode(), now.tariffCode(), customer.basicChargeBasis(), now.basis()));
        events.publishEvent(new CustomerChanged(customer.number(), customer.unitId(),
                java.util.Set.of("tariffCode", "basicChargeBasis")));
        return true;
    }

    private void insert(long customerId, LocalDate from, String code, ChargeBasis basis, String reason,
                        String reference, String by, Instant at) {
        jdbc.sql("""
                insert into customer_contract (customer_id, effective_from, tariff_code, basic_charge_basis, reason,
                                               reference, created_by, created_at)
                values (:customer, :from, :tariff, :basis, :reason, :reference, :by, :at)
                """).param("customer", customerId).param("from", from == null ? null : Date.valueOf(from))
                .param("tariff", code).param("basis", basis == null ? null : basis.name()).param("reason", reason)
                .param("reference", reference).param("by", by).param("at", Timestamp.from(at)).update();
    }

    private static LocalDate effectiveFrom(String value, List<Violation> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new Violation("effectiveFrom", "validation.contract.effectiveFrom.required"));
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 7) {
                return YearMonth.parse(v).atDay(1);
            }
            LocalDate day = LocalDate.parse(v);
            if (day.getDayOfMonth() != 1) {
                problems.add(new Violation("effectiveFrom", "validation.contract.effectiveFrom.firstOfMonth", v));
                return null;
            }
            return day;
        } catch (DateTimeParseException e) {
            problems.add(new Violation("effectiveFrom", "validation.contract.effectiveFrom.format", v));
            return null;
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(Instant.now(clock), BusinessTime.ZONE);
    }

    /** The terms of these customers, oldest first (the archive's own, with a null month, before all others). */
    static Map<Long, List<ContractTerm>> terms(JdbcClient jdbc, Long[] customerIds) {
        Map<Long, List<ContractTerm>> terms = new HashMap<>();
        if (customerIds.length == 0) {
            return terms;
        }
        jdbc.sql("""
                select customer_id, effective_from, tariff_code, basic_charge_basis, reason, reference, created_by,
                       created_at
                  from customer_contract where customer_id = any(:ids)
                 order by customer_id, effective_from nulls first
                """).param("ids", customerIds).query(rs -> {
            Date from = rs.getDate("effective_from");
            String basis = rs.getString("basic_charge_basis");
            terms.computeIfAbsent(rs.getLong("customer_id"), k -> new ArrayList<>()).add(new ContractTerm(
                    from == null ? null : YearMonth.from(from.toLocalDate()), rs.getString("tariff_code"),
                    basis == null ? null : ChargeBasis.valueOf(basis), rs.getString("reason"),
                    rs.getString("reference"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant()));
        });
        return terms;
    }
}
