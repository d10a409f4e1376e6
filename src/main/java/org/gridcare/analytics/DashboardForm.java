package org.gridcare.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridcare.shared.InvalidInputException;

/**
 * The dashboard's filter form: a period preset (day, week, month, quarter, year around {@code date}, or custom
 * {@code from}–{@code to}), the scope and the splits to show. Bound from the query string, so every view of
 * the dashboard (and its print page and exports) is a plain link.
 */
public class DashboardForm {

    static final List<String> PERIODS = List.of("day", "week", "month", "quarter", "year", "custom");
    static final List<String> TRENDS = List.of("day", "week", "month");
    static final List<String> BREAKDOWNS = List.of("unit", "type", "channel", "category", "team");

    private String period = "month";
    private LocalDate date;
    private LocalDate from;
    private LocalDate to;
    private String unit;
    private String type;
    private String channel;
    private String category;
    private String trend;
    private String breakdown = "unit";
    private String rankBy = "ON_TIME";

    /** The first and last day of the chosen period. */
    LocalDate[] days(LocalDate today) {
        LocalDate d = date == null ? today : date;
        return switch (period == null ? "month" : period) {
            case "day" -> new LocalDate[] {d, d};
            case "week" -> new LocalDate[] {d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                    d.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))};
            case "month" -> new LocalDate[] {YearMonth.from(d).atDay(1), YearMonth.from(d).atEndOfMonth()};
            case "quarter" -> {
                LocalDate start = d.with(IsoFields.DAY_OF_QUARTER, 1);
                yield new LocalDate[] {start, start.plusMonths(3).minusDays(1)};
            }
            case "year" -> new LocalDate[] {d.withDayOfYear(1), d.withDayOfYear(d.lengthOfYear())};
            case "custom" -> {
                if (from == null) {
                    throw InvalidInputException.of("from", "validation.kpi.required");
                }
                if (to == null) {
                    throw InvalidInputException.of("to", "validation.kpi.required");
                }
                yield new LocalDate[] {from, to};
            }
            default -> throw InvalidInputException.of("period", "validation.kpi.unknownValue", period,
                    String.join(", ", PERIODS));
        };
    }

    /** The trend's granularity: as chosen, else by the period's length. */
    String trendFor(LocalDate first, LocalDate last) {
        if (trend != null && TRENDS.contains(trend)) {
            return trend;
        }
        long days = last.toEpochDay() - first.toEpochDay() + 1;
        return days <= 62 ? "day" : days <= 190 ? "week" : "month";
    }

    String breakdownOrDefault() {
        return breakdown != null && BREAKDOWNS.contains(breakdown) ? breakdown : "unit";
    }

    KpiQuery query(LocalDate today) {
        LocalDate[] days = days(today);
        return new KpiQuery(days[0], days[1], blank(unit), blank(type), blank(channel), blank(category), null, null);
    }

    /** The filter as query parameters, for links that keep it (drill-down, export, print). */
    Map<String, String> parameters(LocalDate today) {
        LocalDate[] days = days(today);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("period", "custom");
        p.put("from", days[0].toString());
        p.put("to", days[1].toString());
        put(p, "unit", unit);
        put(p, "type", type);
        put(p, "channel", channel);
        put(p, "category", category);
        return p;
    }

    private static void put(Map<String, String> p, String key, String value) {
        if (value != null && !value.isBlank()) {
            p.put(key, value.trim());
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public String getPeriod() { return period; }
    public void setPeriod(String period) { this.period = period; }
    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
    public String getUnit() { return unit; }
    public void setUnit(String unit) { this.unit = unit; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getTrend() { return trend; }
    public void setTrend(String trend) { this.trend = trend; }
    public String getBreakdown() { return breakdown; }
    public void setBreakdown(String breakdown) { this.breakdown = breakdown; }
    public String getRankBy() { return rankBy; }
    public void setRankBy(String rankBy) { this.rankBy = rankBy; }
}
