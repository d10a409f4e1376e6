package org.gridcare.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

import org.gridcare.customer.BillingAccount;
import org.gridcare.metering.MonthUsage;
import org.gridcare.shared.InvalidInputException;

/**
 * Turns a customer's month of consumption into a bill on the supply contract in force in that month (the
 * contract history's term, {@link BillingAccount#termIn}), or says why it can't: no tariff code in the contract, a code no tariff has, no readings for the month, or readings the tariff
 * can't price (e.g. a TOU tariff on a meter without TOU registers — the violated field and rule are kept).
 * On a TOU tariff the kWh are the registers' split (the total is their sum); a two-part customer pays the
 * basic charge on the contract's basis, or — when none was agreed — by capacity when the archive has one, else by
 * maximum demand.
 */
final class BillMaker {

    private BillMaker() {
    }

    sealed interface Outcome permits Made, Skipped {
    }

    record Made(StoredBill bill) implements Outcome {
    }

    record Skipped(String customerNumber, String reason, String field, String code, InvalidInputException invalid)
            implements Outcome {

        Skipped(String customerNumber, String reason, String field, String code) {
            this(customerNumber, reason, field, code, null);
        }
    }

    static Outcome make(BillingAccount account, YearMonth month, MonthUsage usage, TariffBook book,
                        LineLabels.Bound labels, Long runId, Instant now) {
        BillingAccount.Contract contract = account.termIn(month);
        String code = contract.tariffCode();
        if (code == null || code.isBlank()) {
            return new Skipped(account.number(), "NO_TARIFF", null, null);
        }
        Tariff tariff = book.tariff(code).orElse(null);
        if (tariff == null) {
            return new Skipped(account.number(), "UNKNOWN_TARIFF", "tariffCode", code);
        }
        if (usage == null || usage.kwh() == null) {
            return new Skipped(account.number(), "NO_READINGS", null, null);
        }
        TariffSchedule schedule = tariff.inForceOn(month.atDay(1)).orElse(null);
        QuoteRequest.Kwh kwh = schedule != null && schedule.pricing() == TariffSchedule.Pricing.TOU
                && (usage.peak() != null || usage.valley() != null || usage.flat() != null)
                ? QuoteRequest.Kwh.split(usage.criticalPeak(), usage.peak(), usage.flat(), usage.valley())
                : QuoteRequest.Kwh.total(usage.kwh());
        BasicChargeBasis basis = schedule != null && schedule.twoPart() ? basis(contract, account, schedule) : null;
        QuoteRequest request = new QuoteRequest(code, month.atDay(1), month.atEndOfMonth(), kwh,
                usage.kwhEarlierInYear() == null ? BigDecimal.ZERO : usage.kwhEarlierInYear(), account.capacityKva(),
                usage.maxDemandKw(), basis, usage.reactiveKvarh(), null);
        try {
            Quote quote = BillCalculator.price(request, book, labels);
            return new Made(new StoredBill(account.number(), month, account.unitId(),
                    tariff.inForceOn(month.atDay(1)).orElseThrow().versionId(), usage, account.capacityKva(),
                    basisOf(quote), quote, runId, now));
        } catch (InvalidInputException e) {
            InvalidInputException.Violation first = e.violations().get(0);
            return new Skipped(account.number(), "INVALID", first.field(), first.messageCode(), e);
        }
    }

    /** The contract's basis when one was agreed, else by capacity when the archive has one, else by demand. */
    static BasicChargeBasis basis(BillingAccount.Contract contract, BillingAccount account, TariffSchedule schedule) {
        if (contract.basis() != null) {
            return BasicChargeBasis.valueOf(contract.basis().name());
        }
        return account.capacityKva() != null && schedule.basicCapacityPrice() != null ? BasicChargeBasis.CAPACITY
                : BasicChargeBasis.DEMAND;
    }

    private static BasicChargeBasis basisOf(Quote quote) {
        return quote.lines().stream().filter(l -> l.kind() == LineKind.BASIC_CHARGE).map(QuoteLine::basis)
                .findFirst().orElse(null);
    }
}
