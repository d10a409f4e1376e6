package org.gridcare.metering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridcare.customer.MeterSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly consumption of many customers at once, for billing: one set-based query over the register reads
 * and one over the daily interval sums, grouped by customer. The rules are those of the consumption series
 * ({@link ConsumptionReadings}): a register difference belongs to the day of its earlier read and is only
 * taken between reads of the same meter at most {@value ConsumptionReadings#MAX_READ_GAP_DAYS} days apart;
 * a frozen maximum demand describes the time before its read. Register differences win over interval sums.
 */
@Service
public class MonthlyUsage {

    private static final BigDecimal E4 = BigDecimal.valueOf(10_000);

    private final JdbcClient jdbc;

    MonthlyUsage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The month's usage of the meters' customers (a meter list from the customer module, already scoped). */
    @Transactional(readOnly = true)
    public Map<String, MonthUsage> of(List<MeterSummary> meters, YearMonth month) {
        Map<String, MonthUsage> usage = new HashMap<>();
        if (meters.isEmpty()) {
            return usage;
        }
        LocalDate yearStart = month.atDay(1).withDayOfYear(1);
        LocalDate monthStart = month.atDay(1);
        LocalDate monthEnd = month.plusMonths(1).atDay(1);
        Long[] ids = ConsumptionReadings.ids(meters);
        BigDecimal[] multipliers = ConsumptionReadings.multipliers(meters);
        String[] customers = meters.stream().map(MeterSummary::customerNumber).toArray(String[]::new);
        Map<String, Interval> intervals = new HashMap<>();
        jdbc.sql("""
                select m.customer,
                       sum(d.kwh_e4 * m.multiplier) filter (where d.day >= :monthStart) as kwh_e4,
                       sum(d.kwh_e4 * m.multiplier) filter (where d.day < :monthStart) as before_e4,
                       max(d.max_kw_e4 * m.multiplier) filter (where d.day >= :monthStart) as max_kw_e4
                  from meter_interval_day d
                  join unnest(:ids, :multipliers, :customers) as m(meter_id, multiplier, customer) on m.meter_id = d.meter_id
                 where d.day >= :yearStart and d.day < :monthEnd
                 group by m.customer
                """).param("ids", ids).param("multipliers", multipliers).param("customers", customers)
                .param("yearStart", Date.valueOf(yearStart)).param("monthStart", Date.valueOf(monthStart))
                .param("monthEnd", Date.valueOf(monthEnd))
                .query(rs -> {
                    intervals.put(rs.getString("customer"), new Interval(scaled(rs.getBigDecimal("kwh_e4")),
                            scaled(rs.getBigDecimal("before_e4")), scaled(rs.getBigDecimal("max_kw_e4"))));
                });
        Map<String, BigDecimal> demand = new HashMap<>();
        jdbc.sql("""
                select m.customer, max(r.max_demand_kw * m.multiplier) as kw
                  from meter_register r
                  join unnest(:ids, :multipliers, :customers) as m(meter_id, multiplier, customer) on m.meter_id = r.meter_id
                 where r.read_at > :monthStart and r.read_at <= :monthEnd and r.max_demand_kw is not null
                 group by m.customer
                """).param("ids", ids).param("multipliers", multipliers).param("customers", customers)
                .param("monthStart", ConsumptionReadings.start(monthStart))
                .param("monthEnd", ConsumptionReadings.start(monthEnd))
                .query(rs -> {
                    demand.put(rs.getString("customer"), rs.getBigDecimal("kw"));
                });
        jdbc.sql("""
                select m.customer,
                       sum(d_total * m.multiplier) filter (where read_at >= :monthStart) as kwh,
                       sum(d_cp * m.multiplier) filter (where read_at >= :monthStart) as critical_peak,
                       sum(d_peak * m.multiplier) filter (where read_at >= :monthStart) as peak,
                       sum(d_flat * m.multiplier) filter (where read_at >= :monthStart) as flat,
                       sum(d_valley * m.multiplier) filter (where read_at >= :monthStart) as valley,
                       sum(d_reactive * m.multiplier) filter (where read_at >= :monthStart) as reactive,
                       sum(d_total * m.multiplier) filter (where read_at < :monthStart) as before
                  from (select r.meter_id, r.read_at, lead(r.read_at) over w as next_at,
                               lead(r.total) over w - r.total as d_total,
                               lead(r.critical_peak) over w - r.critical_peak as d_cp,
                               lead(r.peak) over w - r.peak as d_peak, lead(r.flat) over w - r.flat as d_flat,
                               lead(r.valley) over w - r.valley as d_valley,
                               lead(r.reactive_kvarh) over w - r.reactive_kvarh as d_reactive
                          from meter_register r
                         where r.meter_id = any(:ids) and r.read_at >= :yearStart and r.read_at < :horizon
                        window w as (partition by r.meter_id order by r.read_at)) reads
                  join unnest(:ids, :multipliers, :customers) as m(meter_id, multiplier, customer) on m.meter_id = reads.meter_id
                 where read_at < :monthEnd and next_at is not null and next_at - read_at <= make_interval(days => :gap)
                 group by m.customer
                """).param("ids", ids).param("multipliers", multipliers).param("customers", customers)
                .param("yearStart", ConsumptionReadings.start(yearStart))
                .param("monthStart", ConsumptionReadings.start(monthStart))
                .param("monthEnd", ConsumptionReadings.start(monthEnd))
                .param("horizon", ConsumptionReadings.start(monthEnd.plusDays(ConsumptionReadings.MAX_READ_GAP_DAYS)))
                .param("gap", ConsumptionReadings.MAX_READ_GAP_DAYS)
                .query(rs -> {
                    String customer = rs.getString("customer");
                    Interval interval = intervals.remove(customer);
                    BigDecimal kwh = rs.getBigDecimal("kwh");
                    BigDecimal before = rs.getBigDecimal("before");
                    if (kwh == null) {
                        usage.put(customer, intervalUsage(customer, month, interval, demand.get(customer), before));
                        return;
                    }
                    usage.put(customer, new MonthUsage(customer, month, plain(kwh), plain(rs.getBigDecimal("critical_peak")),
                            plain(rs.getBigDecimal("peak")), plain(rs.getBigDecimal("flat")), plain(rs.getBigDecimal("valley")),
                            plain(rs.getBigDecimal("reactive")), max(demand.get(customer), interval == null ? null : interval.maxKw()),
                            plain(before != null ? before : interval != null && interval.before() != null ? interval.before()
                                    : BigDecimal.ZERO), "REGISTER"));
                });
        intervals.forEach((customer, interval) -> {
            MonthUsage month1 = intervalUsage(customer, month, interval, demand.get(customer), null);
            if (month1 != null) {
                usage.put(customer, month1);
            }
        });
        return usage;
    }

    private record Interval(BigDecimal kwh, BigDecimal before, BigDecimal maxKw) {
    }

    private static MonthUsage intervalUsage(String customer, YearMonth month, Interval interval, BigDecimal demand,
                                            BigDecimal registerBefore) {
        if (interval == null || interval.kwh() == null) {
            return null;
        }
        BigDecimal before = registerBefore != null ? registerBefore : interval.before();
        return new MonthUsage(customer, month, plain(interval.kwh()), null, null, null, null, null,
                max(demand, interval.maxKw()), plain(before == null ? BigDecimal.ZERO : before), "INTERVAL");
    }

    private static BigDecimal max(BigDecimal a, BigDecimal b) {
        BigDecimal m = a == null ? b : b == null ? a : a.max(b);
        return plain(m);
    }

    private static BigDecimal scaled(BigDecimal e4) {
        return e4 == null ? null : e4.divide(E4, 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal plain(BigDecimal value) {
        return ConsumptionReadings.plain(value);
    }
}
