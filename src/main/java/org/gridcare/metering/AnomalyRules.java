package org.gridcare.metering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The anomaly rules over a customer's daily consumption, each a small named method with thresholds from
 * {@code gridcare.metering.anomaly}. Days are given in order; a day without data is absent.
 */
final class AnomalyRules {

    /** 1.4826 × the median absolute deviation estimates the standard deviation of normal data. */
    private static final double MAD_SCALE = 1.4826;

    private final MeteringProperties.Anomaly thresholds;

    AnomalyRules(MeteringProperties.Anomaly thresholds) {
        this.thresholds = thresholds;
    }

    record Day(LocalDate day, BigDecimal kwh) {
    }

    List<Anomaly> detect(List<Day> days, Predicate<LocalDate> inService) {
        List<Anomaly> found = new ArrayList<>();
        found.addAll(sustainedZero(days, inService));
        found.addAll(beyondNormalRange(days));
        found.addAll(gaps(days, inService));
        found.sort(java.util.Comparator.comparing(Anomaly::from));
        return found;
    }

    /** At least {@code zeroDays} consecutive days of zero while a meter is in service. */
    List<Anomaly> sustainedZero(List<Day> days, Predicate<LocalDate> inService) {
        List<Anomaly> runs = new ArrayList<>();
        LocalDate start = null;
        LocalDate last = null;
        for (Day day : days) {
            boolean zero = day.kwh().signum() == 0 && inService.test(day.day());
            boolean continues = last != null && day.day().equals(last.plusDays(1));
            if (zero && start != null && continues) {
                last = day.day();
                continue;
            }
            closeRun(runs, start, last);
            start = zero ? day.day() : null;
            last = zero ? day.day() : null;
        }
        closeRun(runs, start, last);
        return runs;
    }

    private void closeRun(List<Anomaly> runs, LocalDate start, LocalDate last) {
        if (start != null) {
            long length = last.toEpochDay() - start.toEpochDay() + 1;
            if (length >= thresholds.zeroDays()) {
                runs.add(new Anomaly("ZERO_RUN", start, last, BigDecimal.valueOf(length), null));
            }
        }
    }

    /**
     * A day beyond the median of the previous {@code window} days ± {@code deviations} spreads and at least
     * {@code minChangeKwh} from it; zero days are left to {@link #sustainedZero}. The spread is the larger
     * of 1.4826 × MAD and the window's standard deviation, so that a weekly rhythm (busier weekends, or a
     * shop closed on Sundays) widens the normal range instead of raising an alarm every week.
     */
    List<Anomaly> beyondNormalRange(List<Day> days) {
        List<Anomaly> found = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            Day day = days.get(i);
            LocalDate windowStart = day.day().minusDays(thresholds.window());
            double[] history = days.subList(0, i).stream().filter(d -> !d.day().isBefore(windowStart))
                    .mapToDouble(d -> d.kwh().doubleValue()).toArray();
            if (history.length < thresholds.minHistory() || day.kwh().signum() == 0) {
                continue;
            }
            double median = median(history);
            double mad = median(Arrays.stream(history).map(v -> Math.abs(v - median)).toArray());
            double spread = Math.max(Math.max(MAD_SCALE * mad, standardDeviation(history)), 0.05 * median);
            double value = day.kwh().doubleValue();
            double distance = value - median;
            if (Math.abs(distance) > thresholds.deviations() * spread && Math.abs(distance) >= thresholds.minChangeKwh()) {
                found.add(new Anomaly(distance > 0 ? "SPIKE" : "DROP", day.day(), day.day(), day.kwh(),
                        BigDecimal.valueOf(median).setScale(3, RoundingMode.HALF_UP)));
            }
        }
        return found;
    }

    /** Days between the first and the last day with data that have none, while a meter was in service. */
    List<Anomaly> gaps(List<Day> days, Predicate<LocalDate> inService) {
        List<Anomaly> found = new ArrayList<>();
        for (int i = 1; i < days.size(); i++) {
            LocalDate previous = days.get(i - 1).day();
            LocalDate next = days.get(i).day();
            if (next.toEpochDay() - previous.toEpochDay() > 1) {
                LocalDate from = previous.plusDays(1);
                LocalDate to = next.minusDays(1);
                if (inService.test(from) || inService.test(to)) {
                    found.add(new Anomaly("GAP", from, to, BigDecimal.valueOf(to.toEpochDay() - from.toEpochDay() + 1), null));
                }
            }
        }
        return found;
    }

    static double standardDeviation(double[] values) {
        double mean = Arrays.stream(values).average().orElse(0);
        return Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / values.length);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
