package org.gridcare.customer;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import org.gridcare.organisation.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link MeterDirectory} on the customer module's own tables. */
@Service
class MeterLookup implements MeterDirectory {

    private static final String SELECT = """
            select m.id, m.meter_number, c.number as customer_number, m.type, m.multiplier, m.installed_on,
                   m.removed_on
              from meter m join service_point sp on sp.id = m.service_point_id join customer c on c.id = sp.customer_id
            """;
    private static final String IN_SCOPE = " and (:allUnits or c.unit_id = any(:units))";

    private final JdbcClient jdbc;

    MeterLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<MeterSummary> byNumbers(Collection<String> meterNumbers, DataScope scope) {
        if (meterNumbers.isEmpty()) {
            return List.of();
        }
        if (meterNumbers.size() > MAX_NUMBERS) {
            throw new IllegalArgumentException("at most " + MAX_NUMBERS + " meter numbers per lookup");
        }
        return jdbc.sql(SELECT + " where m.meter_number = any(:numbers)" + IN_SCOPE)
                .param("numbers", meterNumbers.toArray(String[]::new))
                .param("allUnits", scope.all()).param("units", scope.unitIdArray())
                .query(MeterLookup::map).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<MeterSummary> ofCustomer(String customerNumber, DataScope scope) {
        return jdbc.sql(SELECT + " where c.number = :customer" + IN_SCOPE + " order by m.installed_on, m.id")
                .param("customer", customerNumber)
                .param("allUnits", scope.all()).param("units", scope.unitIdArray())
                .query(MeterLookup::map).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<MeterSummary> ofPeers(String customerNumber, DataScope scope, int maxCustomers) {
        return jdbc.sql(SELECT + """
                 where c.id in (with me as (select id, unit_id, kind from customer
                                             where number = :customer and (:allUnits or unit_id = any(:units)))
                                select id from me
                                union all
                                (select p.id from customer p
                                  where p.unit_id = (select unit_id from me) and p.kind = (select kind from me)
                                    and p.id <> (select id from me)
                                  order by p.id limit :others))
                 order by c.number, m.installed_on
                """)
                .param("customer", customerNumber).param("others", Math.max(0, maxCustomers - 1))
                .param("allUnits", scope.all()).param("units", scope.unitIdArray())
                .query(MeterLookup::map).list();
    }

    private static MeterSummary map(ResultSet rs, int row) throws SQLException {
        Date removed = rs.getDate("removed_on");
        return new MeterSummary(rs.getLong("id"), rs.getString("meter_number"), rs.getString("customer_number"),
                rs.getString("type"), rs.getBigDecimal("multiplier"), rs.getDate("installed_on").toLocalDate(),
                removed == null ? null : removed.toLocalDate());
    }
}
