package org.gridcare.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridcare.audit.AuditTrail;
import org.gridcare.customer.BillingAccount;
import org.gridcare.customer.BillingAccounts;
import org.gridcare.metering.MonthUsage;
import org.gridcare.metering.MonthlyUsage;
import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers' monthly bills: computed from the metering module's consumption and the archive's tariff code and
 * capacity, stored (bill + lines), read and explained — always within the caller's data scope (a customer
 * outside it is as absent as an unknown one). Recalculating a month replaces its bill: the same readings and
 * tariff give the same bill.
 */
@Service
public class Bills {

    static final String ENTITY = "Bill";
    static final int MAX_LISTED = 120;

    private final BillingAccounts accounts;
    private final MonthlyUsage usage;
    private final OrgUnits units;
    private final Tariffs tariffs;
    private final BillRepository bills;
    private final LineLabels labels;
    private final BillExplainer explainer;
    private final AuditTrail audit;
    private final Clock clock;

    Bills(BillingAccounts accounts, MonthlyUsage usage, OrgUnits units, Tariffs tariffs, BillRepository bills,
          LineLabels labels, BillExplainer explainer, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.usage = usage;
        this.units = units;
        this.tariffs = tariffs;
        this.bills = bills;
        this.labels = labels;
        this.explainer = explainer;
        this.audit = audit;
        this.clock = clock;
    }

    /** yyyy-MM, or a 400 naming the field. */
    public static YearMonth month(String value, String field) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of(field, "billing.validation.required");
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "billing.validation.month");
        }
    }

    private BillingAccount account(String customerNumber, Actor actor) {
        DataScope scope = units.scopeOf(actor);
        return accounts.find(customerNumber, scope).orElseThrow(() -> new NotFoundException("Customer", customerNumber));
    }

    /** The stored bill of the customer for the month, if there is one. */
    @Transactional(readOnly = true)
    public Optional<Bill> forCustomerMonth(String customerNumber, YearMonth month, Actor actor) {
        account(customerNumber, actor);
        TariffBook book = tariffs.book();
        return bills.find(customerNumber, month).map(row -> view(row, book, labels.current()));
    }

    /** The customer's stored bills, newest first (without lines). */
    @Transactional(readOnly = true)
    public List<Bill> ofCustomer(String customerNumber, Actor actor) {
        account(customerNumber, actor);
        TariffBook book = tariffs.book();
        LineLabels.Bound bound = labels.current();
        return bills.list(customerNumber, MAX_LISTED).stream().map(row -> view(row, book, bound)).toList();
    }

    /**
     * Computes the customer's bill for the month from the stored readings and stores it, replacing an earlier
     * one. A customer that can't be billed (no tariff, unknown tariff, no readings, readings the tariff can't
     * price) is a 400 naming the reason; nothing is written then.
     */
    @Transactional
    public Bill calculate(String customerNumber, YearMonth month, Actor actor) {
        bills.holdMonth(month);
        BillingAccount account = account(customerNumber, actor);
        TariffBook book = tariffs.book();
        Map<String, MonthUsage> used = usage.of(account.meters(), month);
        BillMaker.Outcome outcome = BillMaker.make(account, month, used.get(account.number()), book, LineLabels.NONE,
                null, Instant.now(clock));
        if (outcome instanceof BillMaker.Skipped skipped) {
            throw switch (skipped.reason()) {
                case "NO_TARIFF" -> InvalidInputException.of("tariffCode", "billing.skip.NO_TARIFF", customerNumber);
                case "UNKNOWN_TARIFF" -> InvalidInputException.of("tariffCode", "billing.skip.UNKNOWN_TARIFF",
                        account.termIn(month).tariffCode());
                case "NO_READINGS" -> InvalidInputException.of("month", "billing.skip.NO_READINGS", month);
                default -> skipped.invalid();
            };
        }
        StoredBill made = ((BillMaker.Made) outcome).bill();
        bills.replace(month, List.of(made));
        audit.record("BILL_CALCULATED", ENTITY, customerNumber + "/" + month, "%s %s kWh → %s 元 (%s)".formatted(
                made.quote().tariffCode(), made.quote().totalKwh(), made.quote().total(), made.usage().source()));
        return view(bills.find(customerNumber, month).orElseThrow(), book, labels.current());
    }

    /**
     * Recalculates the customer's stored bills of the months from {@code from} on, in the current transaction: their
     * supply contract changed back to then ({@code ContractChanged}), so each is priced again on the term now in force
     * in its month, and the change is audited with the old and the new total. A month that can no longer be billed
     * (its readings gone) keeps its bill, and the audit trail says why. The contract change itself checked the
     * caller's scope.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void rebillAfterContractChange(String customerNumber, YearMonth from) {
        YearMonth current = YearMonth.now(clock.withZone(BusinessTime.ZONE));
        if (from.isAfter(current)) {
            return;
        }
        // a bill run or a recalculation pricing one of these months on the old contract finishes first
        bills.takeMonths(from, current);
        Map<YearMonth, BigDecimal> billed = bills.totalsFrom(customerNumber, from);
        if (billed.isEmpty()) {
            return;
        }
        BillingAccount account = accounts.find(customerNumber, DataScope.unrestricted()).orElseThrow();
        TariffBook book = tariffs.book();
        Instant now = Instant.now(clock);
        billed.forEach((month, before) -> {
            BillMaker.Outcome outcome = BillMaker.make(account, month,
                    usage.of(account.meters(), month).get(customerNumber), book, LineLabels.NONE, null, now);
            String id = customerNumber + "/" + month;
            if (outcome instanceof BillMaker.Made made) {
                bills.replace(month, List.of(made.bill()));
                audit.record("BILL_RECALCULATED", ENTITY, id, "contract changed from %s: %s, %s → %s 元".formatted(
                        from, made.bill().quote().tariffCode(), before, made.bill().quote().total()));
            } else if (outcome instanceof BillMaker.Skipped skipped) {
                audit.record("BILL_KEPT", ENTITY, id, "contract changed from %s; not recalculated: %s".formatted(
                        from, skipped.reason()));
            }
        });
    }

    /** Why the month's bill differs from the other month's, line by line, in the reader's language. */
    @Transactional(readOnly = true)
    public BillExplanation explain(String customerNumber, YearMonth month, YearMonth compareTo, Actor actor) {
        account(customerNumber, actor);
        TariffBook book = tariffs.book();
        LineLabels.Bound bound = labels.current();
        Bill bill = bills.find(customerNumber, month).map(row -> view(row, book, bound))
                .orElseThrow(() -> new NotFoundException(ENTITY, customerNumber + "/" + month));
        YearMonth other = compareTo != null ? compareTo : month.minusMonths(1);
        if (other.equals(month)) {
            throw InvalidInputException.of("compareTo", "billing.validation.sameMonth");
        }
        Bill earlier = bills.find(customerNumber, other).map(row -> view(row, book, bound))
                .orElseThrow(() -> InvalidInputException.of("compareTo", "billing.validation.noBill", other));
        return explainer.explain(bill, earlier, bound);
    }

    Bill view(BillRepository.Row r, TariffBook book, LineLabels.Bound bound) {
        Optional<Tariff> tariff = book.tariff(r.tariffCode());
        TariffSchedule schedule = tariff.flatMap(t -> t.versions().stream()
                .filter(v -> v.versionId() == r.tariffVersionId()).findFirst()).orElse(null);
        List<TariffSchedule.Surcharge> surcharges = schedule == null ? List.of() : schedule.surcharges();
        List<QuoteLine> lines = r.lines().stream().map(l -> new QuoteLine(l.kind(), l.tier(), l.period(), l.basis(),
                l.code(), bound.label(l.kind(), l.tier(), l.period(), l.basis(), l.code(), surcharges), l.quantity(),
                l.unit(), l.unitPrice(), l.percent(), l.amount())).toList();
        return new Bill(r.customerNumber(), r.month(), r.tariffCode(),
                tariff.map(t -> t.name(bound.locale())).orElse(r.tariffCode()), tariff.map(Tariff::example).orElse(false),
                schedule == null ? null : schedule.effectiveFrom(), r.periodStart(), r.periodEnd(), r.days(), r.source(),
                r.totalKwh(), r.criticalPeak(), r.peak(), r.flat(), r.valley(), r.kwhEarlierInYear(), r.capacityKva(),
                r.maxDemandKw(), r.basis() == null ? null : BasicChargeBasis.valueOf(r.basis()), r.reactiveKvarh(),
                r.powerFactor(), r.pfStandard(), r.pfPercent(), r.energyCharge(), r.tierExtra(), r.basicCharge(),
                r.pfAdjustment(), r.surcharges(), r.total(), lines, r.runId(), r.calculatedAt());
    }
}
