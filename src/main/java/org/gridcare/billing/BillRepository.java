package org.gridcare.billing;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.gridcare.metering.MonthUsage;
import org.gridcare.shared.BulkCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bill tables. Writing replaces a customer's month (bill and lines) in the caller's transaction. */
@Repository
class BillRepository {

    private static final String BILL_COLUMNS = "customer_number, month, unit_id, tariff_code, tariff_version_id, "
            + "period_start, period_end, days, source, total_kwh, critical_peak_kwh, peak_kwh, flat_kwh, valley_kwh, "
            + "kwh_earlier_in_year, capacity_kva, max_demand_kw, basic_charge_basis, reactive_kvarh, power_factor, "
            + "pf_standard, pf_percent, energy_charge, tier_extra, basic_charge, pf_adjustment, surcharges, total, run_id, "
            + "calculated_at";
    private static final String LINE_COLUMNS = "customer_number, month, line_no, kind, tier, period, basis, code, "
            + "quantity, unit, unit_price, percent, amount";

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    BillRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Replaces the month's bills of these customers (and only theirs) with the given ones, by COPY. */
    void replace(YearMonth month, List<StoredBill> bills) {
        if (bills.isEmpty()) {
            return;
        }
        jdbc.sql("delete from bill where month = :month and customer_number = any(:numbers)")
                .param("month", Date.valueOf(month.atDay(1)))
                .param("numbers", bills.stream().map(StoredBill::customerNumber).toArray(String[]::new)).update();
        BulkCopy billRows = BulkCopy.into("bill", BILL_COLUMNS);
        BulkCopy lineRows = BulkCopy.into("bill_line", LINE_COLUMNS);
        for (StoredBill b : bills) {
            Quote q = b.quote();
            MonthUsage u = b.usage();
            billRows.cells(b.customerNumber(), month.atDay(1), b.unitId(), q.tariffCode(), b.tariffVersionId(),
                    q.periodStart(), q.periodEnd(), q.days(), u.source(), q.totalKwh(), u.criticalPeak(), u.peak(), u.flat(),
                    u.valley(), u.kwhEarlierInYear(), b.capacityKva(), u.maxDemandKw(), b.basis(), u.reactiveKvarh(),
                    q.powerFactor(), q.pfStandard(), q.pfAdjustmentPercent(), q.energyCharge(), q.tierExtra(),
                    q.basicCharge(), q.pfAdjustment(), q.surcharges(), q.total(), b.runId(), b.calculatedAt()).endRow();
            int n = 0;
            for (QuoteLine l : q.lines()) {
                lineRows.cells(b.customerNumber(), month.atDay(1), ++n, l.kind(), l.tier(), l.period(), l.basis(),
                        l.code(), l.quantity(), l.unit(), l.unitPrice(), l.percent(), l.amount()).endRow();
            }
        }
        billRows.copy(dataSource);
        lineRows.copy(dataSource);
    }

    /** A stored bill's columns, before the tariff's name and the labels are added. */
    record Row(String customerNumber, YearMonth month, long unitId, String tariffCode, long tariffVersionId,
               java.time.LocalDate periodStart, java.time.LocalDate periodEnd, int days, String source, BigDecimal totalKwh,
               BigDecimal criticalPeak, BigDecimal peak, BigDecimal flat, BigDecimal valley, BigDecimal kwhEarlierInYear,
               BigDecimal capacityKva, BigDecimal maxDemandKw, String basis, BigDecimal reactiveKvarh,
               BigDecimal powerFactor, BigDecimal pfStandard, BigDecimal pfPercent, BigDecimal energyCharge,
               BigDecimal tierExtra, BigDecimal basicCharge, BigDecimal pfAdjustment, BigDecimal surcharges,
               BigDecimal total, Long runId, java.time.Instant calculatedAt, List<LineRow> lines) {
    }

    record LineRow(LineKind kind, Integer tier, String period, BasicChargeBasis basis, String code, BigDecimal quantity,
                   String unit, BigDecimal unitPrice, BigDecimal percent, BigDecimal amount) {
    }

    Optional<Row> find(String customerNumber, YearMonth month) {
        Optional<Row> head = jdbc.sql("select " + BILL_COLUMNS + " from bill where customer_number = :n and month = :m")
                .param("n", customerNumber).param("m", Date.valueOf(month.atDay(1)))
                .query((rs, i) -> row(rs, List.of())).optional();
        return head.map(h -> withLines(h, jdbc.sql("select " + LINE_COLUMNS
                        + " from bill_line where customer_number = :n and month = :m order by line_no")
                .param("n", customerNumber).param("m", Date.valueOf(month.atDay(1)))
                .query((rs, i) -> line(rs)).list()));
    }

    /**
     * Holds the month's bills against contract changes reaching back to it until the transaction ends: taken first by
     * whatever reads accounts to price and store the month's bills, so that a change either committed before those
     * reads (and they see it) or waits for their commit (and re-prices what they stored).
     */
    void holdMonth(YearMonth month) {
        jdbc.sql("select pg_advisory_xact_lock_shared(hashtext('bill_month:' || :month))")
                .param("month", month.toString()).query(Object.class).list();
    }

    /** Takes the months {@code from}–{@code to} from {@link #holdMonth} holders, oldest first, until the transaction ends. */
    void takeMonths(YearMonth from, YearMonth to) {
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('bill_month:' || :month))")
                    .param("month", m.toString()).query(Object.class).list();
        }
    }

    /** The totals of the customer's bills of the months from {@code from} on, oldest first. */
    Map<YearMonth, BigDecimal> totalsFrom(String customerNumber, YearMonth from) {
        Map<YearMonth, BigDecimal> totals = new java.util.LinkedHashMap<>();
        jdbc.sql("select month, total from bill where customer_number = :n and month >= :from order by month")
                .param("n", customerNumber).param("from", Date.valueOf(from.atDay(1)))
                .query(rs -> {
                    totals.put(YearMonth.from(rs.getDate("month").toLocalDate()), rs.getBigDecimal("total"));
                });
        return totals;
    }

    /** The customer's bills, newest first, without their lines. */
    List<Row> list(String customerNumber, int limit) {
        return jdbc.sql("select " + BILL_COLUMNS + " from bill where customer_number = :n order by month desc limit :limit")
                .param("n", customerNumber).param("limit", limit).query((rs, i) -> row(rs, List.of())).list();
    }

    /** Lines of several bills of one month, for a page of many bills. */
    Map<String, List<LineRow>> lines(YearMonth month, List<String> customers) {
        Map<String, List<LineRow>> lines = new HashMap<>();
        jdbc.sql("select " + LINE_COLUMNS + " from bill_line where month = :m and customer_number = any(:n) order by line_no")
                .param("m", Date.valueOf(month.atDay(1))).param("n", customers.toArray(String[]::new))
                .query(rs -> {
                    lines.computeIfAbsent(rs.getString("customer_number"), k -> new ArrayList<>()).add(line(rs));
                });
        return lines;
    }

    private static Row withLines(Row r, List<LineRow> lines) {
        return new Row(r.customerNumber(), r.month(), r.unitId(), r.tariffCode(), r.tariffVersionId(), r.periodStart(),
                r.periodEnd(), r.days(), r.source(), r.totalKwh(), r.criticalPeak(), r.peak(), r.flat(), r.valley(),
                r.kwhEarlierInYear(), r.capacityKva(), r.maxDemandKw(), r.basis(), r.reactiveKvarh(), r.powerFactor(),
                r.pfStandard(), r.pfPercent(), r.energyCharge(), r.tierExtra(), r.basicCharge(), r.pfAdjustment(),
                r.surcharges(), r.total(), r.runId(), r.calculatedAt(), lines);
    }

    private static Row row(ResultSet rs, List<LineRow> lines) throws SQLException {
        Timestamp at = rs.getTimestamp("calculated_at");
        long run = rs.getLong("run_id");
        Long runId = rs.wasNull() ? null : run;
        return new Row(rs.getString("customer_number"), YearMonth.from(rs.getDate("month").toLocalDate()),
                rs.getLong("unit_id"), rs.getString("tariff_code"), rs.getLong("tariff_version_id"),
                rs.getDate("period_start").toLocalDate(), rs.getDate("period_end").toLocalDate(), rs.getInt("days"),
                rs.getString("source"), p(rs, "total_kwh"), p(rs, "critical_peak_kwh"), p(rs, "peak_kwh"),
                p(rs, "flat_kwh"), p(rs, "valley_kwh"), p(rs, "kwh_earlier_in_year"), p(rs, "capacity_kva"),
                p(rs, "max_demand_kw"), rs.getString("basic_charge_basis"), p(rs, "reactive_kvarh"),
                rs.getBigDecimal("power_factor"), rs.getBigDecimal("pf_standard"), rs.getBigDecimal("pf_percent"),
                rs.getBigDecimal("energy_charge"), rs.getBigDecimal("tier_extra"), rs.getBigDecimal("basic_charge"),
                rs.getBigDecimal("pf_adjustment"), rs.getBigDecimal("surcharges"), rs.getBigDecimal("total"), runId,
                at.toInstant(), lines);
    }

    private static LineRow line(ResultSet rs) throws SQLException {
        int tier = rs.getInt("tier");
        Integer tierOrNull = rs.wasNull() ? null : tier;
        String basis = rs.getString("basis");
        return new LineRow(LineKind.valueOf(rs.getString("kind")), tierOrNull, rs.getString("period"),
                basis == null ? null : BasicChargeBasis.valueOf(basis), rs.getString("code"), p(rs, "quantity"),
                rs.getString("unit"), p(rs, "unit_price"), rs.getBigDecimal("percent"), rs.getBigDecimal("amount"));
    }

    private static BigDecimal p(ResultSet rs, String column) throws SQLException {
        return BillCalculator.plain(rs.getBigDecimal(column));
    }
}
