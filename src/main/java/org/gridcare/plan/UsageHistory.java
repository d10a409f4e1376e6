package org.gridcare.plan;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gridcare.customer.BillingAccount;
import org.gridcare.metering.MonthUsage;
import org.gridcare.metering.MonthlyUsage;
import org.gridcare.metering.QuarterHourUsage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A customer's months as the metering module gives them: billing's monthly usage and the quarter-hour profile. */
@Component
class UsageHistory {

    private final MonthlyUsage monthly;
    private final QuarterHourUsage quarters;

    UsageHistory(MonthlyUsage monthly, QuarterHourUsage quarters) {
        this.monthly = monthly;
        this.quarters = quarters;
    }

    /** One month: {@code usage} null when the month has no readings, {@code profile} null without interval data. */
    record Month(YearMonth month, MonthUsage usage, QuarterHourUsage.MonthProfile profile) {

        /** The month's kWh: the register differences or interval sums of billing's usage, else the profile's. */
        BigDecimal kwh() {
            if (usage != null && usage.kwh() != null) {
                return usage.kwh();
            }
            return profile != null ? profile.total() : null;
        }

        boolean hasData() {
            return kwh() != null;
        }

        BigDecimal kwhEarlierInYear() {
            return usage == null || usage.kwhEarlierInYear() == null ? BigDecimal.ZERO : usage.kwhEarlierInYear();
        }

        BigDecimal reactiveKvarh() {
            return usage == null ? null : usage.reactiveKvarh();
        }

        BigDecimal maxDemandKw() {
            return usage == null ? null : usage.maxDemandKw();
        }
    }

    /** The months {@code from}–{@code to} in order, each with whatever data it has. */
    @Transactional(readOnly = true)
    List<Month> of(BillingAccount account, YearMonth from, YearMonth to) {
        Map<YearMonth, QuarterHourUsage.MonthProfile> profiles = quarters.of(account.meters(), from, to);
        List<Month> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            MonthUsage usage = monthly.of(account.meters(), m).get(account.number());
            months.add(new Month(m, usage, profiles.get(m)));
        }
        return months;
    }
}
