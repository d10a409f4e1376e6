package org.gridcare.customer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridcare.organisation.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The archive's billing facts (the supply contract now and its history, capacity, meters) for the billing module, always within a data
 * scope. {@link #page} walks all customers in number order for a bill run, a page at a time, in three queries.
 */
@Service
public class BillingAccounts {

    /** The largest page {@link #page} returns. */
    public static final int MAX_PAGE = 20_000;

    private final JdbcClient jdbc;

    BillingAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(long id, String number, String name, String kind, long unitId, String tariffCode,
                       String basis, BigDecimal capacityKva) {
    }

    /** The customer with this number, if it is within the scope. */
    @Transactional(readOnly = true)
    public Optional<BillingAccount> find(String number, DataScope scope) {
        List<Row> rows = jdbc.sql("""
                select id, number, name, kind, unit_id, tariff_code, basic_charge_basis, capacity_kva from customer
                 where number = :number and (:allUnits or unit_id = any(:units))
                """).param("number", number).param("allUnits", scope.all()).param("units", scope.unitIdArray())
                .query(BillingAccounts::row).list();
        return accounts(rows).stream().findFirst();
    }

    /** Up to {@code limit} customers of the scope with a number after {@code afterNumber} (null: from the start). */
    @Transactional(readOnly = true)
    public List<BillingAccount> page(DataScope scope, String afterNumber, int limit) {
        List<Row> rows = jdbc.sql("""
                select id, number, name, kind, unit_id, tariff_code, basic_charge_basis, capacity_kva from customer
                 where (cast(:after as varchar) is null or number > :after) and (:allUnits or unit_id = any(:units))
                 order by number limit :limit
                """).param("after", afterNumber).param("allUnits", scope.all()).param("units", scope.unitIdArray())
                .param("limit", Math.max(1, Math.min(limit, MAX_PAGE)))
                .query(BillingAccounts::row).list();
        return accounts(rows);
    }

    private List<BillingAccount> accounts(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<MeterSummary>> meters = new LinkedHashMap<>();
        Map<Long, String> numbers = new LinkedHashMap<>();
        rows.forEach(r -> {
            meters.put(r.id(), new ArrayList<>());
            numbers.put(r.id(), r.number());
        });
        jdbc.sql("""
                select sp.customer_id, m.id, m.meter_number, m.type, m.multiplier, m.installed_on, m.removed_on
                  from service_point sp join meter m on m.service_point_id = sp.id
                 where sp.customer_id = any(:ids)
                 order by sp.customer_id, m.installed_on, m.id
                """).param("ids", rows.stream().map(Row::id).toArray(Long[]::new)).query(rs -> {
            long customerId = rs.getLong("customer_id");
            java.sql.Date removed = rs.getDate("removed_on");
            meters.get(customerId).add(new MeterSummary(rs.getLong("id"), rs.getString("meter_number"),
                    numbers.get(customerId), rs.getString("type"), rs.getBigDecimal("multiplier"),
                    rs.getDate("installed_on").toLocalDate(), removed == null ? null : removed.toLocalDate()));
        });
        Map<Long, List<ContractTerm>> terms = SupplyContracts.terms(jdbc, rows.stream().map(Row::id).toArray(Long[]::new));
        return rows.stream().map(r -> new BillingAccount(r.number(), r.name(), r.kind(), r.unitId(), r.tariffCode(),
                r.capacityKva(), meters.get(r.id()), r.basis() == null ? null : ChargeBasis.valueOf(r.basis()),
                terms.getOrDefault(r.id(), List.of()))).toList();
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getLong("id"), rs.getString("number"), rs.getString("name"), rs.getString("kind"),
                rs.getLong("unit_id"), rs.getString("tariff_code"), rs.getString("basic_charge_basis"),
                rs.getBigDecimal("capacity_kva"));
    }
}
