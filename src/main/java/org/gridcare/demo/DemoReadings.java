package org.gridcare.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.gridcare.metering.ReadingLoads;
import org.gridcare.shared.security.Actor;

/**
 * Meter readings for a few demo customers, so that the consumption charts, the intake consumption card and the
 * savings advice show real results on a fresh start: from the 13th month before the current one up to yesterday.
 * <ul>
 * <li>a night-heavy household on the flat tariff (real data: SGSC household 10006414, half its kWh between 22:00 and
 * 08:00) — advised to take time-of-use;</li>
 * <li>a second household (SGSC 10017562) whose meter recorded nothing for 12 days two months ago — a reading
 * anomaly (sustained zero while in service);</li>
 * <li>a two-part large-industry customer whose maximum demand stays near a fifth of its capacity, with a power
 * factor below the standard — advised to pay the basic charge by demand and to compensate reactive power. No real
 * industrial data is at hand: its monthly register reads are generated (documented, deterministic).</li>
 * </ul>
 * The households' days are real: each target day takes the measured daily kWh of the same calendar day in the
 * household's data (March–December 2013, January–February 2014; the mean of the month's complete days where a day
 * was incomplete) spread over the half hours like one of the household's measured days of June–August 2013 (the
 * only months with half-hourly data), in turn. Times are read as Asia/Shanghai clock time. See
 * {@code demo/SOURCE.md} for the data's origin.
 */
final class DemoReadings {

    static final String NIGHT_HOUSEHOLD = "10006414";
    static final String ANOMALY_HOUSEHOLD = "10017562";

    private final ReadingLoads loads;

    DemoReadings(ReadingLoads loads) {
        this.loads = loads;
    }

    /** The demo customers that got readings, by role (night, anomaly, industry). */
    record Seeded(Map<String, String> customers, long rows) {
    }

    Seeded seed(DemoCompany company, int customers, LocalDate today, Actor actor) {
        DemoCompany.Customer night = null;
        DemoCompany.Customer anomaly = null;
        DemoCompany.Customer industry = null;
        for (int i = 0; i < customers && (night == null || anomaly == null || industry == null); i++) {
            DemoCompany.Customer c = company.customer(i);
            if (c.kind().equals("RESIDENTIAL") && "ZJ-RES-FLAT".equals(c.tariffCode())) {
                if (night == null) {
                    night = c;
                } else if (anomaly == null) {
                    anomaly = c;
                }
            } else if (c.kind().equals("LARGE_INDUSTRY") && industry == null) {
                industry = c;
            }
        }
        LocalDate from = YearMonth.from(today).minusMonths(13).atDay(1);
        LocalDate to = today.minusDays(1);
        Map<String, String> seeded = new LinkedHashMap<>();
        long rows = 0;
        Households households = Households.load();
        StringBuilder intervals = new StringBuilder("meterNumber,start,minutes,kwh\n");
        if (night != null) {
            rows += household(intervals, night.meterNumber(), households, NIGHT_HOUSEHOLD, from, to, null);
            seeded.put("night", night.number());
        }
        if (anomaly != null) {
            YearMonth silent = YearMonth.from(today).minusMonths(2);
            rows += household(intervals, anomaly.meterNumber(), households, ANOMALY_HOUSEHOLD, from, to, silent);
            seeded.put("anomaly", anomaly.number());
        }
        if (rows > 0) {
            check(loads.intervals(intervals.toString(), "demo-households.csv", actor));
        }
        if (industry != null) {
            String registers = industry(industry, from, YearMonth.from(today).atDay(1));
            rows += registers.lines().count() - 1;
            check(loads.registers(registers, "demo-industry.csv", actor));
            seeded.put("industry", industry.number());
        }
        return new Seeded(seeded, rows);
    }

    private static void check(ReadingLoads.Loaded loaded) {
        if (!loaded.status().equals("DONE") || loaded.rejected() > 0) {
            throw new IllegalStateException("demo readings import " + loaded.importId() + " ended " + loaded.status()
                    + " with " + loaded.rejected() + " rejected rows");
        }
    }

    /** Half-hourly rows of one household for every day from {@code from} to {@code to}; zero in {@code silent}'s 10th–21st. */
    static long household(StringBuilder csv, String meter, Households data, String household, LocalDate from,
                          LocalDate to, YearMonth silent) {
        List<double[]> shapes = data.shapes(household);
        long rows = 0;
        int k = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1), k++) {
            double kwh = data.dailyKwh(household, day);
            boolean zero = silent != null && YearMonth.from(day).equals(silent) && day.getDayOfMonth() >= 10
                    && day.getDayOfMonth() <= 21;
            double[] shape = shapes.get(k % shapes.size());
            double sum = 0;
            for (double v : shape) {
                sum += v;
            }
            LocalDateTime start = day.atStartOfDay();
            for (int slot = 0; slot < 48; slot++) {
                double value = zero ? 0 : sum > 0 ? shape[slot] * kwh / sum : kwh / 48;
                csv.append(meter).append(',').append(start.plusMinutes(30L * slot)).append(",30,")
                        .append(BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).toPlainString()).append('\n');
                rows++;
            }
        }
        return rows;
    }

    /**
     * Monthly register reads (raw, before the multiplier) of a two-part customer: maximum demand 18–22 % of the
     * capacity (kW), a 50 % load factor, 35 % peak / 30 % flat / the rest valley (5 % critical peak in July–September,
     * taken from the peak), reactive 0.62 kvarh per kWh (power factor 0.85, below the tariff's 0.90).
     */
    static String industry(DemoCompany.Customer c, LocalDate from, LocalDate lastRead) {
        StringBuilder csv = new StringBuilder("meterNumber,readAt,total,criticalPeak,peak,flat,valley,reactiveKvarh,maxDemandKw\n");
        double multiplier = c.multiplier().doubleValue();
        double capacity = Objects.requireNonNullElse(c.capacityKva(), BigDecimal.valueOf(1000)).doubleValue();
        double[] registers = new double[6];
        csv.append(read(c.meterNumber(), from, registers, null));
        for (LocalDate month = from; month.isBefore(lastRead); month = month.plusMonths(1)) {
            int m = month.getMonthValue();
            double demand = capacity * (0.18 + 0.04 * ((m * 7) % 5) / 4.0);
            double kwh = demand * 24 * month.lengthOfMonth() * 0.5;
            double critical = m >= 7 && m <= 9 ? 0.05 * kwh : 0;
            double peak = 0.35 * kwh - critical;
            double flat = 0.30 * kwh;
            double valley = kwh - critical - peak - flat;
            double[] add = {kwh, critical, peak, flat, valley, 0.62 * kwh};
            for (int i = 0; i < 6; i++) {
                registers[i] += add[i] / multiplier;
            }
            csv.append(read(c.meterNumber(), month.plusMonths(1), registers, demand / multiplier));
        }
        return csv.toString();
    }

    private static String read(String meter, LocalDate at, double[] r, Double demand) {
        StringBuilder line = new StringBuilder(meter).append(',').append(at).append("T00:00");
        for (double v : r) {
            line.append(',').append(BigDecimal.valueOf(1000 + v).setScale(2, RoundingMode.HALF_UP).toPlainString());
        }
        return line.append(',').append(demand == null ? "" : BigDecimal.valueOf(demand).setScale(4, RoundingMode.HALF_UP)
                .toPlainString()).append('\n').toString();
    }

    /** The bundled extract of the SGSC data: daily totals and half-hourly days of the demo's households. */
    record Households(Map<String, Map<LocalDate, double[]>> daily, Map<String, List<double[]>> halfHourly) {

        static Households load() {
            Map<String, Map<LocalDate, double[]>> daily = new HashMap<>();
            for (String[] f : lines("demo/sgsc-daily.csv")) {
                daily.computeIfAbsent(f[0], k -> new HashMap<>()).put(LocalDate.parse(f[1]),
                        new double[] {Double.parseDouble(f[2]), Integer.parseInt(f[3])});
            }
            Map<String, Map<LocalDate, double[]>> days = new HashMap<>();
            for (String[] f : lines("demo/sgsc-halfhourly.csv")) {
                LocalDateTime at = LocalDateTime.parse(f[1].replace(' ', 'T'));
                double[] slots = days.computeIfAbsent(f[0], k -> new java.util.TreeMap<>())
                        .computeIfAbsent(at.toLocalDate(), k -> filled(48, Double.NaN));
                slots[at.getHour() * 2 + at.getMinute() / 30] = f[2].isEmpty() ? Double.NaN : Double.parseDouble(f[2]);
            }
            Map<String, List<double[]>> shapes = new HashMap<>();
            days.forEach((household, byDay) -> shapes.put(household, byDay.values().stream()
                    .filter(s -> java.util.Arrays.stream(s).noneMatch(Double::isNaN)).toList()));
            return new Households(daily, shapes);
        }

        List<double[]> shapes(String household) {
            List<double[]> found = halfHourly.getOrDefault(household, List.of());
            if (found.isEmpty()) {
                throw new IllegalStateException("no complete half-hourly day of household " + household);
            }
            return found;
        }

        /** The measured kWh of the same calendar day (Jan–Feb 2014, Mar–Dec 2013), or its month's mean. */
        double dailyKwh(String household, LocalDate day) {
            YearMonth source = YearMonth.of(day.getMonthValue() <= 2 ? 2014 : 2013, day.getMonthValue());
            Map<LocalDate, double[]> byDay = daily.getOrDefault(household, Map.of());
            double[] found = byDay.get(source.atDay(Math.min(day.getDayOfMonth(), source.lengthOfMonth())));
            if (found != null && found[1] == 48) {
                return found[0];
            }
            double sum = 0;
            int n = 0;
            for (int d = 1; d <= source.lengthOfMonth(); d++) {
                double[] other = byDay.get(source.atDay(d));
                if (other != null && other[1] == 48) {
                    sum += other[0];
                    n++;
                }
            }
            return n == 0 ? 0 : sum / n;
        }

        private static double[] filled(int n, double value) {
            double[] a = new double[n];
            java.util.Arrays.fill(a, value);
            return a;
        }

        private static List<String[]> lines(String resource) {
            var stream = DemoReadings.class.getClassLoader().getResourceAsStream(resource);
            if (stream == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                List<String[]> rows = new ArrayList<>();
                in.readLine();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.isBlank()) {
                        rows.add(line.split(",", -1));
                    }
                }
                return rows;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
