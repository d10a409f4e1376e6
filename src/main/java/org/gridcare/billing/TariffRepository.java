package org.gridcare.billing;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the tariff tables and the power-factor table; they are small, so everything is read at once. */
@Repository
class TariffRepository {

    private final JdbcClient jdbc;

    TariffRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Head(long id, String code, String nameZh, String nameEn, boolean example) {
    }

    private record VersionRow(long id, long tariffId, java.time.LocalDate from, String pricing, String tierBasis,
                              BigDecimal capacityPrice, BigDecimal demandPrice, BigDecimal pfStandard, String source) {
    }

    List<Tariff> all() {
        List<Head> heads = jdbc.sql("select id, code, name_zh, name_en, example from tariff order by example, code")
                .query((rs, n) -> new Head(rs.getLong("id"), rs.getString("code"), rs.getString("name_zh"),
                        rs.getString("name_en"), rs.getBoolean("example"))).list();
        List<VersionRow> versions = jdbc.sql("""
                select id, tariff_id, effective_from, pricing, tier_basis, basic_capacity_price, basic_demand_price,
                       pf_standard, source from tariff_version order by effective_from
                """).query((rs, n) -> new VersionRow(rs.getLong("id"), rs.getLong("tariff_id"),
                rs.getDate("effective_from").toLocalDate(), rs.getString("pricing"), rs.getString("tier_basis"),
                rs.getBigDecimal("basic_capacity_price"), rs.getBigDecimal("basic_demand_price"),
                rs.getBigDecimal("pf_standard"), rs.getString("source"))).list();
        Map<Long, List<TariffSchedule.Tier>> tiers = new HashMap<>();
        jdbc.sql("select version_id, tier, above_kwh, increment from tariff_tier order by version_id, tier")
                .query(rs -> {
                    tiers.computeIfAbsent(rs.getLong("version_id"), k -> new ArrayList<>()).add(new TariffSchedule.Tier(
                            rs.getInt("tier"), rs.getBigDecimal("above_kwh"), rs.getBigDecimal("increment")));
                });
        Map<Long, Map<String, BigDecimal>> prices = new HashMap<>();
        jdbc.sql("select version_id, period, price from tariff_energy_price").query(rs -> {
            prices.computeIfAbsent(rs.getLong("version_id"), k -> new LinkedHashMap<>())
                    .put(rs.getString("period"), rs.getBigDecimal("price"));
        });
        Map<Long, List<TariffSchedule.TouWindow>> windows = new HashMap<>();
        jdbc.sql("select version_id, period, starts, ends, months from tariff_tou_window order by version_id, starts, period")
                .query(rs -> {
                    windows.computeIfAbsent(rs.getLong("version_id"), k -> new ArrayList<>()).add(
                            new TariffSchedule.TouWindow(TouPeriod.valueOf(rs.getString("period")),
                                    rs.getTime("starts").toLocalTime(), rs.getTime("ends").toLocalTime(),
                                    months(rs.getArray("months"))));
                });
        Map<Long, List<TariffSchedule.Surcharge>> surcharges = new HashMap<>();
        jdbc.sql("select version_id, code, name_zh, name_en, price_per_kwh from tariff_surcharge order by version_id, code")
                .query(rs -> {
                    surcharges.computeIfAbsent(rs.getLong("version_id"), k -> new ArrayList<>()).add(
                            new TariffSchedule.Surcharge(rs.getString("code"), rs.getString("name_zh"),
                                    rs.getString("name_en"), rs.getBigDecimal("price_per_kwh")));
                });
        Map<Long, Head> byId = new HashMap<>();
        heads.forEach(h -> byId.put(h.id(), h));
        Map<Long, List<TariffSchedule>> schedules = new HashMap<>();
        for (VersionRow v : versions) {
            Head head = byId.get(v.tariffId());
            schedules.computeIfAbsent(v.tariffId(), k -> new ArrayList<>()).add(new TariffSchedule(v.id(), head.code(),
                    v.from(), TariffSchedule.Pricing.valueOf(v.pricing()), TariffSchedule.TierBasis.valueOf(v.tierBasis()),
                    tiers.getOrDefault(v.id(), List.of()), prices.getOrDefault(v.id(), Map.of()),
                    windows.getOrDefault(v.id(), List.of()), v.capacityPrice(), v.demandPrice(), v.pfStandard(),
                    surcharges.getOrDefault(v.id(), List.of()), v.source()));
        }
        return heads.stream().map(h -> new Tariff(h.code(), h.nameZh(), h.nameEn(), h.example(),
                schedules.getOrDefault(h.id(), List.of()))).toList();
    }

    private static Set<Integer> months(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        Set<Integer> months = new LinkedHashSet<>();
        Arrays.stream((Object[]) array.getArray()).forEach(m -> months.add(((Number) m).intValue()));
        return Set.copyOf(months);
    }

    /** standard → (power factor → percent). */
    Map<BigDecimal, NavigableMap<BigDecimal, BigDecimal>> powerFactorTable() {
        Map<BigDecimal, NavigableMap<BigDecimal, BigDecimal>> table = new TreeMap<>();
        jdbc.sql("select standard, power_factor, percent from power_factor_adjustment").query(rs -> {
            table.computeIfAbsent(rs.getBigDecimal("standard").setScale(2), k -> new TreeMap<>())
                    .put(rs.getBigDecimal("power_factor").setScale(2), rs.getBigDecimal("percent"));
        });
        return table;
    }
}
