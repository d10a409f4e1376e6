package org.gridcare.metering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gridcare.customer.MeterSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A read API over the interval readings for modules that price consumption by time of day (the service plans):
 * the kWh of each quarter-hour of the local day (Asia/Shanghai), summed over a calendar month and over the
 * given meters after their multipliers. An interval longer than 15 minutes is spread evenly over its
 * quarter-hours (a 60-minute reading at 03:00 puts a quarter of its kWh into 03:00, 03:15, 03:30 and 03:45).
 * Register reads have no time of day and are not part of it.
 */
@Service
public class QuarterHourUsage {

    /** Quarter-hours in a local day (Asia/Shanghai has no daylight saving). */
    public static final int QUARTERS = 96;
    private static final BigDecimal E4 = BigDecimal.valueOf(10_000);

    private final JdbcClient jdbc;

    QuarterHourUsage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One month's profile: {@code kwh.get(q)} is the kWh of quarter-hour q (0 = 00:00–00:15, 95 = 23:45–24:00);
     * {@code days} the days of the month with interval readings.
     */
    public record MonthProfile(YearMonth month, List<BigDecimal> kwh, int days) {

        public MonthProfile {
            kwh = List.copyOf(kwh);
        }

        /** The local time at which quarter-hour q starts. */
        public static LocalTime startOf(int quarter) {
            return LocalTime.of(quarter / 4, (quarter % 4) * 15);
        }

        public BigDecimal total() {
            return kwh.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** kWh per hour of the day (0–23). */
        public List<BigDecimal> hourly() {
            List<BigDecimal> hours = new ArrayList<>(24);
            for (int h = 0; h < 24; h++) {
                hours.add(kwh.get(4 * h).add(kwh.get(4 * h + 1)).add(kwh.get(4 * h + 2)).add(kwh.get(4 * h + 3)));
            }
            return hours;
        }
    }

    /**
     * The months {@code from}–{@code to} (inclusive) that have interval readings of the meters (a meter list from
     * the customer module, already scoped), in month order; months without readings are absent.
     */
    @Transactional(readOnly = true)
    public Map<YearMonth, MonthProfile> of(List<MeterSummary> meters, YearMonth from, YearMonth to) {
        if (meters.isEmpty() || to.isBefore(from)) {
            return Map.of();
        }
        Long[] ids = ConsumptionReadings.ids(meters);
        BigDecimal[] multipliers = ConsumptionReadings.multipliers(meters);
        LocalDate start = from.atDay(1);
        LocalDate end = to.plusMonths(1).atDay(1);
        Map<YearMonth, BigDecimal[]> sums = new TreeMap<>();
        jdbc.sql("""
                select date_trunc('month', s.day)::date as month, (p.slot + k) % 96 as quarter,
                       sum(p.kwh_e4::numeric * m.multiplier / (p.minutes / 15)) as kwh_e4
                  from meter_interval_slots s
                  join unnest(:ids, :multipliers) as m(meter_id, multiplier) on m.meter_id = s.meter_id
                 cross join lateral unnest(s.slots, s.minutes, s.kwh_e4) as p(slot, minutes, kwh_e4)
                 cross join lateral generate_series(0, p.minutes / 15 - 1) as k
                 where s.day >= :start and s.day < :end
                 group by 1, 2
                """).param("ids", ids).param("multipliers", multipliers)
                .param("start", Date.valueOf(start)).param("end", Date.valueOf(end))
                .query(rs -> {
                    YearMonth month = YearMonth.from(rs.getDate("month").toLocalDate());
                    BigDecimal[] quarters = sums.computeIfAbsent(month, m -> zeros());
                    quarters[rs.getInt("quarter")] = rs.getBigDecimal("kwh_e4").divide(E4, 6, RoundingMode.HALF_UP);
                });
        Map<YearMonth, Integer> days = new TreeMap<>();
        jdbc.sql("""
                select date_trunc('month', day)::date as month, count(distinct day) as days
                  from meter_interval_day
                 where meter_id = any(:ids) and day >= :start and day < :end
                 group by 1
                """).param("ids", ids).param("start", Date.valueOf(start)).param("end", Date.valueOf(end))
                .query(rs -> {
                    days.put(YearMonth.from(rs.getDate("month").toLocalDate()), rs.getInt("days"));
                });
        Map<YearMonth, MonthProfile> profiles = new TreeMap<>();
        sums.forEach((month, quarters) -> profiles.put(month,
                new MonthProfile(month, List.of(quarters), days.getOrDefault(month, 0))));
        return Collections.unmodifiableMap(profiles);
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] zeros = new BigDecimal[QUARTERS];
        java.util.Arrays.fill(zeros, BigDecimal.ZERO);
        return zeros;
    }
}
