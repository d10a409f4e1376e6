package org.gridcare.customer;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.gridcare.organisation.DataScope;
import org.gridcare.shared.LikePatterns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CustomerRepository {

    /** Search texts shorter than this match number/name prefixes only: shorter fragments cannot use a trigram index. */
    static final int MIN_CONTAINS_LENGTH = 3;
    /** Phone fragments need four digits ("尾号 5678"); three match a sixteenth of all mobile numbers. */
    static final int MIN_PHONE_DIGITS = 4;
    /** The digits of one row of customer_phone_window (customer/V6__phone_windows.sql). */
    static final int WINDOW_DIGITS = 4;
    /**
     * A unit-by-unit search walks at most this many customers of a unit for each match it needs: a fragment in one
     * customer of twenty or more fills its matches within the walk; a rarer one is looked up in the unit's trigrams.
     */
    static final int WALK_FACTOR = 20;
    /** The planner's price of a page read for a text search: pages served from memory or an SSD, not a disk seek. */
    static final String SEARCH_RANDOM_PAGE_COST = "1.1";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    CustomerRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    Optional<Customer> findByNumber(String number) {
        return jdbc.sql("select * from customer where number = :number").param("number", number)
                .query(CustomerRepository::map).optional();
    }

    /** Whether the customer's supply contract has a history (then only a contract change may change its tariff). */
    boolean hasContractHistory(long id) {
        return jdbc.sql("select exists(select 1 from customer_contract where customer_id = :id)")
                .param("id", id).query(Boolean.class).single();
    }

    Optional<Customer> findById(long id) {
        return jdbc.sql("select * from customer where id = :id").param("id", id)
                .query(CustomerRepository::map).optional();
    }

    boolean numberTaken(String number) {
        return jdbc.sql("select exists(select 1 from customer where number = :number)").param("number", number)
                .query(Boolean.class).single();
    }

    /** Of the given numbers, those already in the archive, with the unit that holds each. */
    Map<String, Long> unitsOfExisting(List<String> numbers) {
        Map<String, Long> existing = new LinkedHashMap<>();
        if (numbers.isEmpty()) {
            return existing;
        }
        jdbc.sql("select number, unit_id from customer where number = any(:numbers)")
                .param("numbers", numbers.toArray(String[]::new))
                .query((RowCallbackHandler) rs -> existing.put(rs.getString(1), rs.getLong(2)));
        return existing;
    }

    /** The customers among {@code numbers} that exist already, by number. */
    Map<String, Customer> existing(List<String> numbers) {
        Map<String, Customer> existing = new LinkedHashMap<>();
        if (numbers.isEmpty()) {
            return existing;
        }
        jdbc.sql("select * from customer where number = any(:numbers)")
                .param("numbers", numbers.toArray(String[]::new))
                .query((RowCallbackHandler) rs -> existing.put(rs.getString("number"), map(rs, rs.getRow())));
        return existing;
    }

    Customer insert(CustomerContent content, long unitId, Instant now) {
        long id = jdbc.sql("""
                insert into customer (number, name, kind, voltage_level, address, phones, phone_digits, id_number,
                                      tariff_code, capacity_kva, unit_id, flags, version, created_at, updated_at)
                values (:number, :name, :kind, :voltage, :address, :phones, :phoneDigits, :idNumber, :tariff,
                        :capacity, :unit, :flags, 0, :now, :now)
                returning id
                """)
                .params(contentParams(content, unitId, now)).query(Long.class).single();
        return findById(id).orElseThrow();
    }

    /** Writes the archive content; false when the version was stale. */
    boolean update(Customer customer, int expectedVersion, Instant now) {
        CustomerContent content = new CustomerContent(customer.number(), customer.name(), customer.kind(),
                customer.voltageLevel(), customer.address(), customer.phones(), customer.idNumber(),
                customer.tariffCode(), customer.capacityKva(), null, customer.flags());
        Map<String, Object> params = contentParams(content, customer.unitId(), now);
        params.put("id", customer.id().value());
        params.put("version", expectedVersion);
        return jdbc.sql("""
                update customer set name = :name, kind = :kind, voltage_level = :voltage, address = :address,
                       phones = :phones, phone_digits = :phoneDigits, id_number = :idNumber, tariff_code = :tariff,
                       capacity_kva = :capacity, unit_id = :unit, flags = :flags, version = version + 1,
                       updated_at = :now
                 where id = :id and version = :version
                """).params(params).update() == 1;
    }

    /** Inserts new and updates existing customers of an import in batches; the caller holds the transaction. */
    void upsertAll(List<CustomerContent> rows, Map<String, Long> unitIdsByCode, Instant now) {
        List<MapSqlParameterSource> batch = new ArrayList<>(rows.size());
        for (CustomerContent row : rows) {
            batch.add(new MapSqlParameterSource(contentParams(row, unitIdsByCode.get(row.unitCode()), now)));
        }
        for (int from = 0; from < batch.size(); from += 1000) {
            List<MapSqlParameterSource> chunk = batch.subList(from, Math.min(batch.size(), from + 1000));
            named.batchUpdate("""
                    insert into customer (number, name, kind, voltage_level, address, phones, phone_digits, id_number,
                                          tariff_code, capacity_kva, unit_id, flags, version, created_at, updated_at)
                    values (:number, :name, :kind, :voltage, :address, :phones, :phoneDigits, :idNumber, :tariff,
                            :capacity, :unit, :flags, 0, :now, :now)
                    on conflict (number) do update set name = excluded.name, kind = excluded.kind,
                           voltage_level = excluded.voltage_level, address = excluded.address,
                           phones = excluded.phones, phone_digits = excluded.phone_digits,
                           id_number = excluded.id_number,
                           tariff_code = case when exists (select 1 from customer_contract k where k.customer_id = customer.id)
                                              then customer.tariff_code else excluded.tariff_code end,
                           capacity_kva = excluded.capacity_kva, unit_id = excluded.unit_id, flags = excluded.flags,
                           version = customer.version + 1, updated_at = excluded.updated_at
                    """, chunk.toArray(MapSqlParameterSource[]::new));
        }
    }

    /**
     * One page of matches. With a search text each alternative is its own branch, ordered and limited
     * by itself, and the page is taken from their union: the number-prefix branch is an index range
     * already in number order, and PostgreSQL plans each fragment branch by its own selectivity (a rare
     * fragment through the trigram index, a common one by walking the number index until the page is
     * full). As one OR-ed condition the number prefix could not be a range and a rare match would make
     * PostgreSQL walk the whole number index.
     */
    List<Customer> find(CustomerFilter filter, DataScope scope, String orderBy, long offset, int limit) {
        Where where = where(new CustomerFilter(null, filter.kind(), filter.flag(), filter.unitIds()), scope);
        List<Branch> branches = branches(filter.text(), where.params, null);
        if (branches.isEmpty()) {
            return jdbc.sql("select * from customer c where " + where.sql + " order by " + orderBy
                            + ", c.id limit :limit offset :offset")
                    .params(where.params).param("limit", limit).param("offset", offset)
                    .query(CustomerRepository::map).list();
        }
        planPerFragment();
        StringBuilder sql = new StringBuilder("select * from (");
        for (int i = 0; i < branches.size(); i++) {
            if (i > 0) {
                sql.append(" union ");
            }
            Branch branch = branches.get(i);
            sql.append("(select c.* from ").append(branch.from()).append(" where ").append(where.sql).append(" and ")
                    .append(branch.condition()).append(" order by ").append(orderBy).append(", c.id limit :upTo)");
        }
        sql.append(") c order by ").append(orderBy).append(", c.id limit :limit offset :offset");
        return jdbc.sql(sql.toString()).params(where.params).param("upTo", offset + limit).param("limit", limit)
                .param("offset", offset).query(CustomerRepository::map).list();
    }

    /** A page of a text search with its total, as {@link #searchByNumber} finds them in one pass. */
    record Found(List<Customer> items, long total) {
    }

    /**
     * A text search in number order (the default): the page and its total from one pass over the matches.
     * Each alternative yields its first {@code upTo} matches in number order (by its own index, or by walking
     * the number index, whichever its fragment's estimate makes cheaper); the first {@code upTo} of their
     * union are exactly the first {@code upTo} matches, from which the page is cut and which are counted.
     * Two statements (page, then count) read a broad fragment's matches twice. {@code total} is exact below
     * {@code upTo} and equals it beyond ("at least"). Empty when the page lies past the last match (then the
     * caller counts on its own).
     */
    Found searchByNumber(CustomerFilter filter, DataScope scope, long offset, int limit, long upTo) {
        return searchByNumber(filter, scope, null, offset, limit, upTo);
    }

    /**
     * As {@link #searchByNumber(CustomerFilter, DataScope, long, int, long)}; with {@code walkUnits} (the units of a
     * small scope, see {@link #walkBranch}) a name or address fragment is looked for unit by unit.
     */
    Found searchByNumber(CustomerFilter filter, DataScope scope, Set<Long> walkUnits, long offset, int limit,
                         long upTo) {
        Where where = where(new CustomerFilter(null, filter.kind(), filter.flag(), filter.unitIds()), scope);
        List<Branch> branches = branches(filter.text(), where.params, walkUnits);
        if (branches.stream().anyMatch(Branch::walk)) {
            where.params.put("walkUnits", walkUnits.toArray(Long[]::new));
            where.params.put("walkRows", Math.min(Integer.MAX_VALUE, upTo * WALK_FACTOR));
        }
        planPerFragment();
        StringBuilder union = new StringBuilder();
        for (int i = 0; i < branches.size(); i++) {
            if (i > 0) {
                union.append(" union ");
            }
            union.append('(').append(branches.get(i).numbers(where, "upTo")).append(')');
        }
        // numbers are unique: the number index alone gives the order, without a tie-break to sort by; a branch
        // selects the number only, so that an index holding it (the name prefix, the phone windows) answers alone
        long[] total = {0};
        List<Customer> items = jdbc.sql("""
                select c.*, m.total from (
                    select number, total from (
                        select number, count(*) over () as total from (%s) u
                    ) counted order by number limit :limit offset :offset
                ) m join customer c on c.number = m.number order by c.number
                """.formatted(union)).params(where.params).param("upTo", upTo).param("limit", limit)
                .param("offset", offset).query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    return map(rs, n);
                }).list();
        return new Found(items, Math.min(total[0], upTo));
    }

    /** Customers of the scope's units: an index-only scan of customer_unit. */
    Map<Long, Long> countByUnit() {
        Map<Long, Long> counts = new java.util.HashMap<>();
        jdbc.sql("select unit_id, count(*) from customer group by unit_id")
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                });
        return counts;
    }

    long countInUnits(DataScope scope) {
        return jdbc.sql("select count(*) from customer where :all or unit_id = any(:units)")
                .param("all", scope.all()).param("units", scope.unitIdArray()).query(Long.class).single();
    }

    /**
     * How many match; with a search text counting stops at {@code textCap} (a broad fragment matches thousands).
     * A text count takes the page's shape: each alternative walks its own index, in number order, up to the cap.
     * As one OR-ed condition PostgreSQL would first build the trigram bitmap of every match of a common fragment
     * (70,000 for an estate name: 150–200 ms) only to stop at the cap.
     */
    long count(CustomerFilter filter, DataScope scope, int textCap) {
        if (filter.text() == null || filter.text().isBlank()) {
            Where where = where(filter, scope);
            return jdbc.sql("select count(*) from customer c where " + where.sql).params(where.params)
                    .query(Long.class).single();
        }
        Where where = where(new CustomerFilter(null, filter.kind(), filter.flag(), filter.unitIds()), scope);
        List<Branch> branches = branches(filter.text(), where.params, null);
        planPerFragment();
        StringBuilder sql = new StringBuilder("select count(*) from (");
        for (int i = 0; i < branches.size(); i++) {
            if (i > 0) {
                sql.append(" union ");
            }
            Branch branch = branches.get(i);
            sql.append("(select c.number from ").append(branch.from()).append(" where ").append(where.sql)
                    .append(" and ").append(branch.condition()).append(" order by c.number limit :cap)");
        }
        sql.append(") matches");
        return Math.min(textCap, jdbc.sql(sql.toString()).params(where.params).param("cap", textCap)
                .query(Long.class).single());
    }

    /**
     * Makes PostgreSQL plan the next text searches of this transaction for their own fragment. The right plan
     * depends on how many customers a fragment matches: a rare one is read through its trigram or prefix index,
     * a common one by walking the number index until the page is full. A prepared statement is planned once
     * for any fragment after five executions (a generic plan), which walked the number index for a rare name
     * prefix (400,000 rows, seconds).
     *
     * <p>The walk goes through customer_number_walk, which holds the unit, name and address it tests
     * (customer/V9__number_walk_covering.sql), at a random page cost of {@value #SEARCH_RANDOM_PAGE_COST}: with
     * PostgreSQL's default of 4, which prices a page read as a disk seek, the planner takes the number's smaller
     * unique index and reads the table for each customer walked (a city's street: p95 43–51 ms with 8 clients
     * against 31 ms; docs/benchmarks.md, tenth pass). Both settings hold inside the caller's transaction only, and
     * are made in one round trip.
     */
    private void planPerFragment() {
        jdbc.sql("select set_config('plan_cache_mode', 'force_custom_plan', true),"
                        + " set_config('random_page_cost', :cost, true)")
                .param("cost", SEARCH_RANDOM_PAGE_COST).query(rs -> {
                });
    }

    /** Streams every match in number order to the consumer, fetching in chunks (inside a transaction). */
    void forEach(CustomerFilter filter, DataScope scope, int max, Consumer<Customer> consumer) {
        Where where = where(filter, scope);
        JdbcTemplate template = new JdbcTemplate(named.getJdbcTemplate().getDataSource());
        template.setFetchSize(1000);
        new NamedParameterJdbcTemplate(template).query(
                "select * from customer c where " + where.sql + " order by c.number limit :max",
                new MapSqlParameterSource(where.params).addValue("max", max),
                (RowCallbackHandler) rs -> consumer.accept(map(rs, rs.getRow())));
    }

    /**
     * A condition on the customer {@code c} ({@code sql}), its parameters, and the same condition without the data
     * scope and the unit filter ({@code others}, "true" when that leaves none) for a search that takes the units on
     * its own ({@link #walkBranch}).
     */
    private record Where(String sql, Map<String, Object> params, String others) {
    }

    /**
     * Builds the condition so that each alternative can use an index: a number prefix (the unique btree,
     * "C" collation), a phone fragment (trigram GIN on the digits), a name prefix (btree) and name
     * or address fragments (trigram GIN, only from {@value #MIN_CONTAINS_LENGTH} characters on). The
     * alternatives are OR-ed (for counting; a page takes them as separate branches, see {@link #find}).
     */
    private static Where where(CustomerFilter filter, DataScope scope) {
        StringBuilder sql = new StringBuilder("(:all or c.unit_id = any(:units))");
        StringBuilder others = new StringBuilder("true");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("all", scope.all());
        params.put("units", scope.unitIdArray());
        if (filter.unitIds() != null) {
            params.put("filterUnits", filter.unitIds().toArray(Long[]::new));
        }
        List<Branch> branches = branches(filter.text(), params, null);
        if (!branches.isEmpty()) {
            others.append(" and (").append(String.join(" or ", branches.stream().map(Branch::plain).toList()))
                    .append(")");
        }
        if (filter.kind() != null) {
            others.append(" and c.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.flag() != null) {
            others.append(" and c.flags @> array[cast(:flag as varchar)]");
            params.put("flag", filter.flag().name());
        }
        if (others.length() > "true".length()) {
            sql.append(others, "true".length(), others.length());
        }
        if (filter.unitIds() != null) {
            sql.append(" and c.unit_id = any(:filterUnits)");
        }
        return new Where(sql.toString(), params, others.toString());
    }

    /**
     * One alternative of a search text: the rows it reads ({@code from}, naming the customer {@code c}), its
     * condition there, and the same condition on the customer row alone ({@code plain}, for an OR of all
     * alternatives, as the export streams them).
     */
    private record Branch(String from, String condition, String plain, boolean walk) {

        static Branch of(String condition) {
            return new Branch("customer c", condition, condition, false);
        }

        /** The branch's first {@code :limit} matches in number order, as a query of their numbers. */
        String numbers(Where where, String limit) {
            if (walk) {
                return walkBranch(where, condition, limit);
            }
            return "select c.number from " + from + " where " + where.sql + " and " + condition
                    + " order by c.number limit :" + limit;
        }
    }

    /**
     * The alternatives a search text stands for, each answerable by one index: digits are a number
     * prefix or (from {@value #MIN_PHONE_DIGITS} digits) a phone fragment; other text is a name prefix
     * or (from {@value #MIN_CONTAINS_LENGTH} characters) a name or address fragment. Shorter fragments
     * have no trigram to look up, so they match prefixes only.
     *
     * <p>A phone fragment of {@value #WINDOW_DIGITS} digits is one key of customer_phone_window: its rows are in
     * number order with the unit beside it, so the first page of a common fragment ("1388", thousands of customers)
     * is an index range read in order, the data scope checked in the index, and only the page's rows are joined to
     * the customer (kind and flag). A longer fragment holds two windows — its last four digits and the four before
     * them (or its first four, when it is shorter than eight) — and its customers are those that have both, their
     * phones then checked for the whole fragment; two ranges of a few hundred rows each instead of the trigram
     * bitmap of its digits, whose trigrams are common (a digit trigram is in one phone of a hundred).
     */
    private static List<Branch> branches(String rawText, Map<String, Object> params, Set<Long> walkUnits) {
        String text = rawText == null ? "" : rawText.strip();
        List<Branch> branches = new ArrayList<>();
        if (text.isEmpty()) {
            return branches;
        }
        String digits = Phones.digitsOf(text);
        if (digits != null) {
            params.put("prefix", LikePatterns.startsWith(digits));
            branches.add(Branch.of("c.number like :prefix"));
            if (digits.length() >= MIN_PHONE_DIGITS) {
                params.put("contains", LikePatterns.contains(digits));
                branches.add(phoneBranch(digits, params));
            }
        } else {
            params.put("prefix", LikePatterns.startsWith(text));
            branches.add(Branch.of("c.name like :prefix"));
            if (text.codePointCount(0, text.length()) >= MIN_CONTAINS_LENGTH) {
                params.put("contains", LikePatterns.contains(text));
                // without a letter that has case (Chinese, digits) ilike matches what like matches, but lower-cases
                // every row it tests: a common street walks 5,000 addresses in number order, 4.9 ms against 1.4 ms
                String like = caseless(text) ? " like " : " ilike ";
                if (walkUnits != null) {
                    String either = "(c.name" + like + ":contains or c.address" + like + ":contains)";
                    branches.add(new Branch("customer c", either, either, true));
                } else {
                    branches.add(Branch.of("c.name" + like + ":contains"));
                    branches.add(Branch.of("c.address" + like + ":contains"));
                }
            }
        }
        return branches;
    }

    /** Whether no character of the text has an upper or lower case of its own. */
    static boolean caseless(String text) {
        return text.codePoints().allMatch(cp -> Character.toLowerCase(cp) == cp && Character.toUpperCase(cp) == cp
                && Character.toTitleCase(cp) == cp);
    }

    /**
     * A name or address fragment searched unit by unit, for a scope of a few units (a supply station, a county;
     * customer/V8__scoped_search.sql): the first {@code :limit} matches in number order of each unit of
     * {@code :walkUnits}, of which the caller keeps the first {@code :limit}.
     *
     * <p>For each unit the walk reads its first {@code :walkRows} customers in number order from customer_unit (unit,
     * number, with name and address: an index-only scan) and keeps those that match. A fragment common in the unit
     * (its street, its estates) has its matches there, and they are the unit's first ones. A unit where the walk found
     * fewer has few matches, or none: they are looked up in the (unit, trigram) GIN indexes and sorted; what the walk
     * found there is among them (hence union, not union all). The lookup selects {@code c.id} (a tie-break that never
     * breaks a tie: numbers are unique) because customer_unit does not hold it: PostgreSQL, which estimates a fragment
     * by the whole table (the station's absent street is a common one), would otherwise read the unit's 20,000
     * entries of customer_unit one by one (5 ms) rather than its few matches from the GIN indexes (0.2 ms).
     *
     * <p>The whole-table plans fail a small scope both ways: walking the number index tests the unit of every customer
     * in the table (all of them when the station has no match), and the trigram index fetches every match in the
     * table to keep the station's.
     */
    private static String walkBranch(Where where, String condition, String limit) {
        // the walk tests the fragment (and the scope's other conditions) on the walked rows alone: with a kind or a
        // flag to test they are read from the table, otherwise the index has all it needs
        String columns = "c.number, c.name, c.address"
                + (where.params.containsKey("kind") ? ", c.kind" : "")
                + (where.params.containsKey("flag") ? ", c.flags" : "");
        // the scope and the unit filter are tested on the units walked, not on each customer: as a condition on
        // c.unit_id the GIN indexes would read the posting lists of every unit of the scope for each unit looked up
        String units = "(:all or u.id = any(:units))"
                + (where.params.containsKey("filterUnits") ? " and u.id = any(:filterUnits)" : "");
        return """
                with walk as materialized (
                    select u.id as unit_id, w.number
                      from unnest(cast(:walkUnits as bigint[])) as u(id)
                     cross join lateral (
                        select c.number
                          from (select %1$s from customer c where c.unit_id = u.id
                                 order by c.number limit :walkRows) c
                         where %2$s and %3$s
                         order by c.number limit :%4$s) w
                     where %5$s
                )
                select number from walk
                union
                select f.number
                  from unnest(cast(:walkUnits as bigint[])) as u(id)
                 cross join lateral (
                    select t.number
                      from (select c.number, c.id from customer c where c.unit_id = u.id and %2$s and %3$s offset 0) t
                     order by t.number, t.id limit :%4$s) f
                 where %5$s and (select count(*) from walk where walk.unit_id = u.id) < :%4$s
                order by number limit :%4$s""".formatted(columns, where.others, condition, limit, units);
    }

    /** A phone fragment of {@value #WINDOW_DIGITS} digits or more through customer_phone_window. */
    private static Branch phoneBranch(String digits, Map<String, Object> params) {
        String inScope = "(:all or w.unit_id = any(:units))"
                + (params.containsKey("filterUnits") ? " and w.unit_id = any(:filterUnits)" : "");
        int last = digits.length() - WINDOW_DIGITS;
        params.put("window", Short.valueOf(digits.substring(last)));
        if (last == 0) {
            return new Branch("customer_phone_window w join customer c on c.number = w.number",
                    "w.fragment = :window and " + inScope, "c.phone_digits like :contains", false);
        }
        int other = last >= WINDOW_DIGITS ? last - WINDOW_DIGITS : 0;
        params.put("otherWindow", Short.valueOf(digits.substring(other, other + WINDOW_DIGITS)));
        params.put("digits", digits);
        // strpos, not like: the same test for digits, but one the trigram index cannot offer to answer instead (its
        // bitmap of a long digit fragment is the slow path this replaces)
        return new Branch("customer_phone_window w join customer_phone_window o on o.number = w.number"
                + " join customer c on c.number = w.number",
                "w.fragment = :window and o.fragment = :otherWindow and " + inScope
                        + " and strpos(c.phone_digits, :digits) > 0", "c.phone_digits like :contains", false);
    }

    private static Map<String, Object> contentParams(CustomerContent content, long unitId, Instant now) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("number", content.number());
        params.put("name", content.name());
        params.put("kind", content.kind().name());
        params.put("voltage", content.voltageLevel().name());
        params.put("address", content.address());
        params.put("phones", content.phones().toArray(String[]::new));
        params.put("phoneDigits", String.join(" ", content.phones()));
        params.put("idNumber", content.idNumber());
        params.put("tariff", content.tariffCode());
        params.put("capacity", content.capacityKva());
        params.put("unit", unitId);
        params.put("flags", content.flags().stream().map(Enum::name).sorted().toArray(String[]::new));
        params.put("now", Timestamp.from(now));
        return params;
    }

    static Customer map(ResultSet rs, int row) throws SQLException {
        Set<CustomerFlag> flags = EnumSet.noneOf(CustomerFlag.class);
        for (String flag : strings(rs.getArray("flags"))) {
            flags.add(CustomerFlag.valueOf(flag));
        }
        BigDecimal capacity = rs.getBigDecimal("capacity_kva");
        return new Customer(new CustomerId(rs.getLong("id")), rs.getString("number"), rs.getString("name"),
                CustomerKind.valueOf(rs.getString("kind")), VoltageLevel.valueOf(rs.getString("voltage_level")),
                rs.getString("address"), Arrays.asList(strings(rs.getArray("phones"))), rs.getString("id_number"),
                rs.getString("tariff_code"), capacity, rs.getLong("unit_id"), flags, rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("basic_charge_basis") == null ? null : ChargeBasis.valueOf(rs.getString("basic_charge_basis")));
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }
}
