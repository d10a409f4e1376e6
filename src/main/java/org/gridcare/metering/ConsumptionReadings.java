package org.gridcare.metering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.gridcare.customer.MeterSummary;
import org.gridcare.shared.BusinessTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Consumption of a set of meters from the stored readings, multiplied by each meter's multiplier.
 * Register differences are only ever taken between two reads of the same meter, so a meter change
 * (the old meter's last read, the new meter's first) never makes a difference across meters. The
 * difference between two reads belongs to the day of the earlier one; a frozen maximum-demand value
 * describes the time before its read. For a DAY series only differences of reads at most a day apart
 * count (a monthly difference can't be placed on a day); reads more than {@link #MAX_READ_GAP_DAYS}
 * days apart are not differenced at all.
 */
@Repository
class ConsumptionReadings {

    static final int MAX_READ_GAP_DAYS = 32;
    private static final BigDecimal E4 = BigDecimal.valueOf(10_000);

    private final JdbcClient jdbc;

    ConsumptionReadings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One meter's register difference between two consecutive reads, already multiplied. */
    record RegisterDelta(long meterId, LocalDate day, boolean daily, BigDecimal total, BigDecimal criticalPeak,
                         BigDecimal peak, BigDecimal flat, BigDecimal valley, BigDecimal reactiveKvarh) {
    }

    /** The interval sums of one day over the meters, already multiplied. */
    record IntervalDay(LocalDate day, BigDecimal kwh, BigDecimal maxKw, long points) {
    }

    record DemandRead(LocalDate day, BigDecimal kw) {
    }

    List<SeriesPoint> series(List<MeterSummary> meters, LocalDate from, LocalDate to, Granularity granularity) {
        return load(meters, from, to).series(from, to, granularity);
    }

    /**
     * The readings of {@code from}–{@code to} in three queries (interval days, register differences, demand
     * reads), from which the series of any part of the range are built in memory: an analysis reads them once
     * for its daily series, its monthly series with the year before, and its anomalies.
     */
    Loaded load(List<MeterSummary> meters, LocalDate from, LocalDate to) {
        if (meters.isEmpty()) {
            return new Loaded(List.of(), List.of(), List.of());
        }
        return new Loaded(intervalDays(meters, from, to), registerDeltas(meters, from, to), demandReads(meters, from, to));
    }

    /** Readings loaded by {@link #load}; each list in day order. */
    record Loaded(List<IntervalDay> days, List<RegisterDelta> deltas, List<DemandRead> demands) {

        /**
         * The series of {@code from}–{@code to} (within the loaded range): the same as a query of that range, since
         * a register difference belongs to the day of its earlier read and looks only forward.
         */
        List<SeriesPoint> series(LocalDate from, LocalDate to, Granularity granularity) {
            Map<LocalDate, Period> periods = new TreeMap<>();
            for (IntervalDay day : days) {
                if (within(day.day(), from, to)) {
                    periods.computeIfAbsent(granularity.periodOf(day.day()), p -> new Period()).add(day);
                }
            }
            for (RegisterDelta delta : deltas) {
                if (within(delta.day(), from, to) && (granularity == Granularity.MONTH || delta.daily())) {
                    periods.computeIfAbsent(granularity.periodOf(delta.day()), p -> new Period()).add(delta);
                }
            }
            for (DemandRead read : demands) {
                if (within(read.day(), from, to)) {
                    periods.computeIfAbsent(granularity.periodOf(read.day()), p -> new Period()).demand(read.kw());
                }
            }
            List<SeriesPoint> points = new ArrayList<>();
            periods.forEach((period, values) -> points.add(values.point(granularity.label(period))));
            return points;
        }

        /** The register differences of {@code from}–{@code to}. */
        List<RegisterDelta> deltas(LocalDate from, LocalDate to) {
            return deltas.stream().filter(d -> within(d.day(), from, to)).toList();
        }

        private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    List<IntervalDay> intervalDays(List<MeterSummary> meters, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select d.day, sum(d.kwh_e4 * m.multiplier) as kwh_e4, max(d.max_kw_e4 * m.multiplier) as max_kw_e4,
                       sum(d.points) as points
                  from meter_interval_day d join unnest(:ids, :multipliers) as m(meter_id, multiplier) on m.meter_id = d.meter_id
                 where d.day between :from and :to
                 group by d.day order by d.day
                """).param("ids", ids(meters)).param("multipliers", multipliers(meters))
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, row) -> new IntervalDay(rs.getDate("day").toLocalDate(), scaled(rs.getBigDecimal("kwh_e4")),
                        scaled(rs.getBigDecimal("max_kw_e4")), rs.getLong("points"))).list();
    }

    List<RegisterDelta> registerDeltas(List<MeterSummary> meters, LocalDate from, LocalDate to) {
        Map<Long, BigDecimal> multiplier = meters.stream()
                .collect(Collectors.toMap(MeterSummary::meterId, MeterSummary::multiplier, (a, b) -> a));
        return jdbc.sql("""
                select meter_id, (read_at at time zone 'Asia/Shanghai')::date as day,
                       next_at - read_at <= interval '25 hours' as daily,
                       next_total - total as total, next_cp - critical_peak as critical_peak, next_peak - peak as peak,
                       next_flat - flat as flat, next_valley - valley as valley, next_reactive - reactive_kvarh as reactive
                  from (select r.*, lead(read_at) over w as next_at, lead(total) over w as next_total,
                               lead(critical_peak) over w as next_cp, lead(peak) over w as next_peak,
                               lead(flat) over w as next_flat, lead(valley) over w as next_valley,
                               lead(reactive_kvarh) over w as next_reactive
                          from meter_register r
                         where r.meter_id = any(:ids) and r.read_at >= :fromStart and r.read_at < :horizon
                        window w as (partition by r.meter_id order by r.read_at)) reads
                 where read_at < :toEnd and next_at is not null and next_at - read_at <= make_interval(days => :gap)
                 order by read_at
                """).param("ids", ids(meters)).param("fromStart", start(from)).param("toEnd", start(to.plusDays(1)))
                .param("horizon", start(to.plusDays(1 + MAX_READ_GAP_DAYS))).param("gap", MAX_READ_GAP_DAYS)
                .query((rs, row) -> {
                    BigDecimal m = multiplier.get(rs.getLong("meter_id"));
                    return new RegisterDelta(rs.getLong("meter_id"), rs.getDate("day").toLocalDate(), rs.getBoolean("daily"),
                            times(rs.getBigDecimal("total"), m), times(rs.getBigDecimal("critical_peak"), m),
                            times(rs.getBigDecimal("peak"), m), times(rs.getBigDecimal("flat"), m),
                            times(rs.getBigDecimal("valley"), m), times(rs.getBigDecimal("reactive"), m));
                }).list();
    }

    List<DemandRead> demandReads(List<MeterSummary> meters, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select ((r.read_at - interval '1 microsecond') at time zone 'Asia/Shanghai')::date as day,
                       max(r.max_demand_kw * m.multiplier) as kw
                  from meter_register r join unnest(:ids, :multipliers) as m(meter_id, multiplier) on m.meter_id = r.meter_id
                 where r.read_at > :fromStart and r.read_at <= :toEnd and r.max_demand_kw is not null
                 group by 1 order by 1
                """).param("ids", ids(meters)).param("multipliers", multipliers(meters))
                .param("fromStart", start(from)).param("toEnd", start(to.plusDays(1)))
                .query((rs, row) -> new DemandRead(rs.getDate("day").toLocalDate(), rs.getBigDecimal("kw")
                        .setScale(4, RoundingMode.HALF_UP).stripTrailingZeros())).list();
    }

    /** Interval kWh per hour of the day, split into weekdays and weekends (Saturday, Sunday), with the days behind each. */
    record HourlyProfile(boolean weekend, int hour, BigDecimal kwh, long days) {
    }

    List<HourlyProfile> hourlyProfile(List<MeterSummary> meters, LocalDate from, LocalDate to) {
        if (meters.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                with points as (
                    select i.day, p.slot, p.kwh_e4 * m.multiplier as kwh_e4
                      from meter_interval_slots i join unnest(:ids, :multipliers) as m(meter_id, multiplier) on m.meter_id = i.meter_id
                     cross join lateral unnest(i.slots, i.kwh_e4) as p(slot, kwh_e4)
                     where i.day between :from and :to),
                days as (
                    select extract(isodow from day) >= 6 as weekend, count(distinct day) as days
                      from points group by 1)
                select p.weekend, p.hour, p.kwh_e4, d.days
                  from (select extract(isodow from day) >= 6 as weekend, slot / 4 as hour,
                               sum(kwh_e4) as kwh_e4 from points group by 1, 2) p
                  join days d on d.weekend = p.weekend
                 order by 1, 2
                """).param("ids", ids(meters)).param("multipliers", multipliers(meters))
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, row) -> new HourlyProfile(rs.getBoolean("weekend"), rs.getInt("hour"),
                        scaled(rs.getBigDecimal("kwh_e4")), rs.getLong("days"))).list();
    }

    /**
     * Average daily kWh of each customer over the days with data in the calendar months the range touches
     * (from the monthly rollup, so a peer costs a dozen rows, not a year of readings): register differences
     * where the customer has any, else interval readings.
     */
    Map<String, BigDecimal> dailyAverages(List<MeterSummary> meters, LocalDate from, LocalDate to) {
        if (meters.isEmpty()) {
            return Map.of();
        }
        Map<String, BigDecimal> averages = new TreeMap<>();
        String[] customers = meters.stream().map(MeterSummary::customerNumber).toArray(String[]::new);
        jdbc.sql("""
                select m.customer,
                       case when sum(r.register_days) > 0 then sum(r.register_kwh * m.multiplier) / sum(r.register_days)
                            else sum(r.kwh_e4 * m.multiplier) / 10000 / nullif(sum(r.days), 0) end as average
                  from meter_month r join unnest(:ids, :multipliers, :customers) as m(meter_id, multiplier, customer)
                       on m.meter_id = r.meter_id
                 where r.month between :fromMonth and :to
                 group by m.customer
                having sum(r.register_days) > 0 or sum(r.days) > 0
                """).param("ids", ids(meters)).param("multipliers", multipliers(meters)).param("customers", customers)
                .param("fromMonth", Date.valueOf(from.withDayOfMonth(1))).param("to", Date.valueOf(to))
                .query((rs, row) -> averages.put(rs.getString("customer"), rs.getBigDecimal("average"))).list();
        return averages;
    }

    static Long[] ids(List<MeterSummary> meters) {
        return meters.stream().map(MeterSummary::meterId).toArray(Long[]::new);
    }

    static BigDecimal[] multipliers(List<MeterSummary> meters) {
        return meters.stream().map(MeterSummary::multiplier).toArray(BigDecimal[]::new);
    }

    static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(BusinessTime.ZONE).toInstant());
    }

    private static BigDecimal scaled(BigDecimal e4) {
        return e4 == null ? null : e4.divide(E4, 4, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static BigDecimal times(BigDecimal value, BigDecimal multiplier) {
        return value == null ? null : value.multiply(multiplier).stripTrailingZeros();
    }

    /** One period's sums while a series is built. */
    private static final class Period {
        private BigDecimal intervalKwh;
        private BigDecimal intervalMaxKw;
        private long points;
        private BigDecimal total;
        private BigDecimal criticalPeak;
        private BigDecimal peak;
        private BigDecimal flat;
        private BigDecimal valley;
        private BigDecimal reactive;
        private BigDecimal demand;

        void add(IntervalDay day) {
            intervalKwh = plus(intervalKwh, day.kwh());
            intervalMaxKw = max(intervalMaxKw, day.maxKw());
            points += day.points();
        }

        void add(RegisterDelta delta) {
            total = plus(total, delta.total());
            criticalPeak = plus(criticalPeak, delta.criticalPeak());
            peak = plus(peak, delta.peak());
            flat = plus(flat, delta.flat());
            valley = plus(valley, delta.valley());
            reactive = plus(reactive, delta.reactiveKvarh());
        }

        void demand(BigDecimal kw) {
            demand = max(demand, kw);
        }

        SeriesPoint point(String label) {
            boolean fromRegisters = total != null;
            BigDecimal kwh = fromRegisters ? total : intervalKwh;
            return new SeriesPoint(label, clean(kwh), clean(criticalPeak), clean(peak), clean(flat), clean(valley),
                    clean(reactive), clean(max(demand, intervalMaxKw)),
                    kwh == null ? null : fromRegisters ? "REGISTER" : "INTERVAL", points == 0 ? null : points);
        }

        private static BigDecimal plus(BigDecimal sum, BigDecimal value) {
            return value == null ? sum : sum == null ? value : sum.add(value);
        }

        private static BigDecimal max(BigDecimal a, BigDecimal b) {
            return a == null ? b : b == null ? a : a.max(b);
        }

        private static BigDecimal clean(BigDecimal value) {
            return ConsumptionReadings.plain(value);
        }
    }

    /** At most four decimals, no trailing zeros, never an exponent (100, not 1E+2). */
    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
