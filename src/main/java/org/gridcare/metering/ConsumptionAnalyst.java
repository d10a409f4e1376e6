package org.gridcare.metering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.gridcare.customer.MeterDirectory;
import org.gridcare.customer.MeterSummary;
import org.gridcare.metering.ConsumptionAnalysis.Change;
import org.gridcare.metering.ConsumptionAnalysis.LoadProfile;
import org.gridcare.metering.ConsumptionAnalysis.PeakDemand;
import org.gridcare.metering.ConsumptionAnalysis.PeerComparison;
import org.gridcare.metering.ConsumptionAnalysis.TouShares;
import org.gridcare.shared.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Computes a customer's {@link ConsumptionAnalysis} from the stored readings. */
@Service
class ConsumptionAnalyst {

    /** The load profile looks at the last this many days of the range (a full scan of raw intervals). */
    static final int PROFILE_DAYS = 90;
    /** The intake card shows this many months, and the anomalies of this many days (at most this many). */
    static final int CARD_MONTHS = 6;
    static final int CARD_DAYS = 120;
    static final int CARD_ANOMALIES = 5;
    /** Groups of similar customers whose averages are kept at most (a group of 2,000 peers is ~200 KB). */
    static final int PEER_CACHE_GROUPS = 500;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Consumption consumption;
    private final ConsumptionReadings readings;
    private final MeterDirectory meters;
    private final MeteringProperties properties;
    private final Clock clock;
    private final Map<PeerGroup, CachedPeers> peerCache = new ConcurrentHashMap<>();

    ConsumptionAnalyst(Consumption consumption, ConsumptionReadings readings, MeterDirectory meters,
                       MeteringProperties properties, Clock clock) {
        this.consumption = consumption;
        this.readings = readings;
        this.meters = meters;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ConsumptionAnalysis analyse(String customerNumber, LocalDate from, LocalDate to, Actor actor) {
        Consumption.Range range = consumption.range(from, to, Granularity.DAY);
        Consumption.Metered metered = consumption.metered(customerNumber, actor);
        List<MeterSummary> own = metered.meters();

        LocalDate monthsFrom = range.from().withDayOfMonth(1).minusMonths(12);
        ConsumptionReadings.Loaded loaded = readings.load(own, monthsFrom, range.to());
        List<SeriesPoint> daily = loaded.series(range.from(), range.to(), Granularity.DAY);
        List<SeriesPoint> monthsWithHistory = loaded.series(monthsFrom, range.to(), Granularity.MONTH);
        String firstMonth = Granularity.MONTH.label(range.from().withDayOfMonth(1));
        List<SeriesPoint> monthly = monthsWithHistory.stream().filter(p -> p.period().compareTo(firstMonth) >= 0).toList();

        SeriesPoint last = monthly.stream().filter(p -> p.kwh() != null).reduce((a, b) -> b).orElse(null);
        Change monthOnMonth = last == null ? null : change(last, monthsWithHistory, 1);
        Change yearOnYear = last == null ? null : change(last, monthsWithHistory, 12);

        LocalDate profileFrom = range.to().minusDays(PROFILE_DAYS - 1).isAfter(range.from())
                ? range.to().minusDays(PROFILE_DAYS - 1) : range.from();
        LoadProfile profile = profile(readings.hourlyProfile(own, profileFrom, range.to()), profileFrom, range.to());

        PeakDemand peak = monthly.stream().filter(p -> p.maxDemandKw() != null)
                .max((a, b) -> a.maxDemandKw().compareTo(b.maxDemandKw()))
                .map(p -> new PeakDemand(p.maxDemandKw(), p.period())).orElse(null);
        if (peak != null) {
            // the day of the peak, where the daily series knows it
            PeakDemand monthPeak = peak;
            peak = daily.stream().filter(p -> p.maxDemandKw() != null && monthPeak.kw().compareTo(p.maxDemandKw()) == 0).findFirst()
                    .map(p -> new PeakDemand(p.maxDemandKw(), p.period())).orElse(peak);
        }

        PeerComparison peers = peers(peerAverages(metered, range), metered.customer().number());

        List<Anomaly> anomalies = anomalies(own, daily, loaded.deltas(range.from(), range.to()));

        return new ConsumptionAnalysis(metered.customer().number(), metered.customer().name(), metered.customer().kind(),
                range.from(), range.to(), daily, monthly, monthOnMonth, yearOnYear, tou(monthly), profile, peak, peers,
                anomalies);
    }

    /** The anomalies of the daily series of a range, and the register reversals in it. */
    private List<Anomaly> anomalies(List<MeterSummary> own, List<SeriesPoint> daily,
                                    List<ConsumptionReadings.RegisterDelta> deltas) {
        List<AnomalyRules.Day> days = daily.stream().filter(p -> p.kwh() != null)
                .map(p -> new AnomalyRules.Day(LocalDate.parse(p.period()), p.kwh())).toList();
        List<Anomaly> anomalies = new ArrayList<>(new AnomalyRules(properties.anomaly())
                .detect(days, day -> own.stream().anyMatch(m -> m.inServiceOn(day))));
        deltas.stream()
                .filter(d -> d.total() != null && d.total().signum() < 0)
                .forEach(d -> anomalies.add(new Anomaly("REGISTER_REVERSAL", d.day(), d.day(),
                        ConsumptionReadings.plain(d.total()), null)));
        return anomalies;
    }

    /**
     * The agent's consumption card (intake view): the last {@link #CARD_MONTHS} months' kWh up to {@code today},
     * month-on-month and year-on-year change of the latest month with data, and the latest anomalies of the last
     * {@link #CARD_DAYS} days (judged against the days before them, as the analysis of that range would).
     */
    @Transactional(readOnly = true)
    public ConsumptionCard card(String customerNumber, LocalDate today, Actor actor) {
        Consumption.Metered metered = consumption.metered(customerNumber, actor);
        List<MeterSummary> own = metered.meters();
        LocalDate firstMonth = today.withDayOfMonth(1).minusMonths(CARD_MONTHS - 1);
        ConsumptionReadings.Loaded loaded = readings.load(own, firstMonth.minusMonths(12), today);
        List<SeriesPoint> monthsWithHistory = loaded.series(firstMonth.minusMonths(12), today, Granularity.MONTH);
        String first = Granularity.MONTH.label(firstMonth);
        List<SeriesPoint> months = monthsWithHistory.stream().filter(p -> p.period().compareTo(first) >= 0).toList();
        SeriesPoint last = months.stream().filter(p -> p.kwh() != null).reduce((a, b) -> b).orElse(null);
        Consumption.Range range = new Consumption.Range(today.minusDays(CARD_DAYS - 1), today);
        List<Anomaly> latest = anomalies(own, loaded.series(range.from(), range.to(), Granularity.DAY),
                        loaded.deltas(range.from(), range.to()))
                .stream().sorted(java.util.Comparator.comparing(Anomaly::from).reversed()).limit(CARD_ANOMALIES).toList();
        return new ConsumptionCard(metered.customer().number(), !own.isEmpty(), months,
                last == null ? null : change(last, monthsWithHistory, 1),
                last == null ? null : change(last, monthsWithHistory, 12), range.from(), range.to(), latest);
    }

    /** A group of similar customers over the calendar months of a range. */
    private record PeerGroup(long unitId, String kind, LocalDate fromMonth, LocalDate toMonth) {
    }

    private record CachedPeers(Map<String, BigDecimal> averages, Instant until) {
    }

    /**
     * The average daily kWh of the customer's similar customers (same supply station and kind), the customer
     * included. Finding the peers and reading their months is the costly part of an analysis (thousands of
     * customers), so a group's averages are kept for {@code peer-cache-ttl} and reused by the analyses of its
     * other customers; the customer's own average is always read afresh.
     */
    private Map<String, BigDecimal> peerAverages(Consumption.Metered metered, Consumption.Range range) {
        String number = metered.customer().number();
        Instant now = clock.instant();
        PeerGroup group = new PeerGroup(metered.customer().unitId(), metered.customer().kind(),
                range.from().withDayOfMonth(1), range.to().withDayOfMonth(1));
        CachedPeers cached = properties.peerCacheTtl().isZero() ? null : peerCache.get(group);
        Map<String, BigDecimal> averages;
        if (cached != null && cached.until().isAfter(now)) {
            averages = new HashMap<>(cached.averages());
        } else {
            List<MeterSummary> peerMeters = meters.ofPeers(number, metered.scope(), properties.peerLimit());
            averages = readings.dailyAverages(peerMeters, range.from(), range.to());
            if (!properties.peerCacheTtl().isZero()) {
                if (peerCache.size() >= PEER_CACHE_GROUPS) {
                    peerCache.values().removeIf(c -> !c.until().isAfter(now));
                    if (peerCache.size() >= PEER_CACHE_GROUPS) {
                        peerCache.clear();
                    }
                }
                peerCache.put(group, new CachedPeers(Map.copyOf(averages), now.plus(properties.peerCacheTtl())));
            }
            averages = new HashMap<>(averages);
        }
        averages.remove(number);
        averages.putAll(readings.dailyAverages(metered.meters(), range.from(), range.to()));
        return averages;
    }

    private static Change change(SeriesPoint current, List<SeriesPoint> months, int monthsBack) {
        LocalDate period = LocalDate.parse(current.period() + "-01");
        String earlier = Granularity.MONTH.label(period.minusMonths(monthsBack));
        BigDecimal before = months.stream().filter(p -> p.period().equals(earlier)).map(SeriesPoint::kwh)
                .filter(Objects::nonNull).findFirst().orElse(null);
        BigDecimal percent = before == null || before.signum() == 0 ? null
                : current.kwh().subtract(before).multiply(HUNDRED).divide(before, 1, RoundingMode.HALF_UP);
        return new Change(current.period(), current.kwh(), earlier, before, percent);
    }

    private static TouShares tou(List<SeriesPoint> monthly) {
        BigDecimal cp = sum(monthly.stream().map(SeriesPoint::criticalPeak).toList());
        BigDecimal peak = sum(monthly.stream().map(SeriesPoint::peak).toList());
        BigDecimal flat = sum(monthly.stream().map(SeriesPoint::flat).toList());
        BigDecimal valley = sum(monthly.stream().map(SeriesPoint::valley).toList());
        BigDecimal total = cp.add(peak).add(flat).add(valley);
        if (total.signum() == 0) {
            return null;
        }
        return new TouShares(share(cp, total), share(peak, total), share(flat, total), share(valley, total),
                ConsumptionReadings.plain(total));
    }

    private static BigDecimal share(BigDecimal part, BigDecimal total) {
        return part.multiply(HUNDRED).divide(total, 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static LoadProfile profile(List<ConsumptionReadings.HourlyProfile> hours, LocalDate from, LocalDate to) {
        if (hours.isEmpty()) {
            return null;
        }
        BigDecimal[] weekday = new BigDecimal[24];
        BigDecimal[] weekend = new BigDecimal[24];
        BigDecimal[] weekdaySums = new BigDecimal[24];
        BigDecimal[] weekendSums = new BigDecimal[24];
        long weekdays = 0;
        long weekendDays = 0;
        for (ConsumptionReadings.HourlyProfile hour : hours) {
            if (hour.weekend()) {
                weekendDays = hour.days();
                weekendSums[hour.hour()] = hour.kwh();
            } else {
                weekdays = hour.days();
                weekdaySums[hour.hour()] = hour.kwh();
            }
        }
        List<BigDecimal> all = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            weekday[h] = average(weekdaySums[h], weekdays);
            weekend[h] = average(weekendSums[h], weekendDays);
            BigDecimal both = (weekdaySums[h] == null ? BigDecimal.ZERO : weekdaySums[h])
                    .add(weekendSums[h] == null ? BigDecimal.ZERO : weekendSums[h]);
            all.add(average(both, weekdays + weekendDays));
        }
        return new LoadProfile(from, to, all, java.util.Arrays.asList(weekday), java.util.Arrays.asList(weekend), weekdays, weekendDays);
    }

    private static BigDecimal average(BigDecimal sum, long days) {
        if (days == 0) {
            return null;
        }
        return ConsumptionReadings.plain((sum == null ? BigDecimal.ZERO : sum)
                .divide(BigDecimal.valueOf(days), 4, RoundingMode.HALF_UP));
    }

    static PeerComparison peers(Map<String, BigDecimal> averages, String customerNumber) {
        BigDecimal mine = averages.get(customerNumber);
        if (averages.isEmpty()) {
            return null;
        }
        List<BigDecimal> sorted = new ArrayList<>(averages.values());
        Collections.sort(sorted);
        int n = sorted.size();
        BigDecimal median = n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 4, RoundingMode.HALF_UP);
        BigDecimal percentile = mine == null ? null : BigDecimal.valueOf(sorted.stream().filter(v -> v.compareTo(mine) <= 0).count())
                .multiply(HUNDRED).divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP);
        return new PeerComparison(n, mine == null ? null : ConsumptionReadings.plain(mine), ConsumptionReadings.plain(median),
                percentile);
    }
}
