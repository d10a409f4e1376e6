package org.gridcare.customer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.TestDatabase;
import org.gridcare.identity.Role;
import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A text search in number order takes its page and its total from one pass over the matches of every
 * alternative (name prefix, name or address fragment): the page is the first matches in number order across
 * them all, and the total is exact up to a cap beyond the page's start ("at least" past it). Phone fragments are
 * read from the customers' 4-digit phone windows (customer/V6__phone_windows.sql), which every write path keeps.
 */
@GridCareTest
class CustomerSearchTests {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Fixtures fixtures;
    @Autowired CustomerRepository repository;
    @Autowired CustomerBulkLoad bulkLoad;
    @Autowired JdbcClient jdbc;
    @Autowired Customers service;
    @Autowired PlatformTransactionManager transactions;

    private String tag;
    private final List<String> numbers = new ArrayList<>();

    @BeforeEach
    void sevenCustomers() throws Exception {
        fixtures.root();
        String city = Fixtures.unique("SC");
        fixtures.unit(city, OrgUnitKind.CITY_COMPANY, "HQ");
        String station = Fixtures.unique("SS");
        fixtures.unit(station, OrgUnitKind.SUPPLY_STATION, city);
        tag = "检索" + Fixtures.unique("q");
        long base = 330000000000L + Math.abs(System.nanoTime() % 10_000_000L) * 1000;
        for (int i = 0; i < 7; i++) {
            String number = Long.toString(base + i);
            // matched three ways: the name starts with the tag, contains it, or only the address does
            String name = switch (i % 3) {
                case 0 -> tag + "户" + i;
                case 1 -> "甲" + tag + i;
                default -> "乙户" + i;
            };
            String address = "浙江省杭州市" + (i % 3 == 2 ? tag : "某") + "路" + i + "号";
            mvc.perform(post("/api/v1/customers").with(httpBasic("admin", TestDatabase.ADMIN_PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON).content("""
                            {"number": "%s", "name": "%s", "kind": "RESIDENTIAL", "voltageLevel": "AC220V",
                             "address": "%s", "phone": "13812345678", "unitCode": "%s"}
                            """.formatted(number, name, address, station)))
                    .andExpect(status().isCreated());
            numbers.add(number);
        }
    }

    @Test
    void aPageIsTheFirstMatchesInNumberOrderAcrossEveryAlternative() {
        List<String> seen = new ArrayList<>();
        for (int offset = 0; offset < 7; offset += 3) {
            repository.searchByNumber(CustomerFilter.text(tag), DataScope.unrestricted(), offset, 3, offset + 3)
                    .items().forEach(c -> seen.add(c.number()));
        }
        assertThat(seen).containsExactlyElementsOf(numbers);
    }

    @Test
    void theTotalIsExactUpToTheCapAndAtLeastBeyondIt() {
        var filter = CustomerFilter.text(tag);
        assertThat(repository.searchByNumber(filter, DataScope.unrestricted(), 0, 2, 4).total()).isEqualTo(4);
        assertThat(repository.searchByNumber(filter, DataScope.unrestricted(), 2, 2, 6).total()).isEqualTo(6);
        assertThat(repository.searchByNumber(filter, DataScope.unrestricted(), 4, 2, 8).total()).isEqualTo(7);
        assertThat(repository.searchByNumber(filter, DataScope.unrestricted(), 8, 2, 10).items()).isEmpty();
    }

    @Test
    void theSearchsPlannerSettingsHoldInsideItsTransactionOnly() {
        String outside = jdbc.sql("select current_setting('random_page_cost')").query(String.class).single();
        List<String> inside = new TransactionTemplate(transactions).execute(status -> {
            repository.searchByNumber(CustomerFilter.text(tag), DataScope.unrestricted(), 0, 2, 4);
            return jdbc.sql("select current_setting('random_page_cost') || ' ' || current_setting('plan_cache_mode')")
                    .query(String.class).list();
        });
        // the walk of a common fragment reads customer_number_walk alone (customer/V9__number_walk_covering.sql)
        assertThat(inside).containsExactly(CustomerRepository.SEARCH_RANDOM_PAGE_COST + " force_custom_plan");
        assertThat(outside).isNotEqualTo(CustomerRepository.SEARCH_RANDOM_PAGE_COST);
        assertThat(jdbc.sql("select current_setting('random_page_cost')").query(String.class).single())
                .isEqualTo(outside);
    }

    @Test
    void aLookupByNumberReadsTheNumbersUniqueIndexNotTheWalksLargerOne() {
        String plan = new TransactionTemplate(transactions).execute(status -> {
            jdbc.sql("set local enable_seqscan = off").update();
            jdbc.sql("set local enable_bitmapscan = off").update();
            return String.join("\n", jdbc.sql("explain select * from customer where number = :number")
                    .param("number", numbers.get(0)).query(String.class).list());
        });
        assertThat(plan).contains("customer_number_key").doesNotContain("customer_number_walk");
    }

    @Test
    void theApiPagesThroughASearchWithoutADeadEnd() throws Exception {
        JsonNode first = page(0);
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("total").asLong()).isEqualTo(7);
        assertThat(page(3).get("items")).hasSize(1);
        assertThat(page(3).get("total").asLong()).isEqualTo(7);
        // past the end: no items, and the total still says how many there are
        JsonNode beyond = page(5);
        assertThat(beyond.get("items")).isEmpty();
        assertThat(beyond.get("total").asLong()).isEqualTo(7);
    }

    private JsonNode page(int page) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/customers").param("q", tag).param("size", "2")
                        .param("page", String.valueOf(page)).with(httpBasic("admin", TestDatabase.ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    // ---- phone fragments (customer_phone_window) ----

    @Test
    void aFourDigitFragmentFindsEveryCustomerWhosePhonesHoldItOnceInNumberOrderWithinScopeAndKind() throws Exception {
        OrgUnit station = station();
        OrgUnit elsewhere = station();
        long base = base();
        // created out of number order; the fragment 7391 ends a phone, starts one, or is in both phones twice
        String both = create(base + 5, station, "RESIDENTIAL", "05717391739", "13873917391");
        String end = create(base + 2, station, "RESIDENTIAL", "13800007391");
        String commercial = create(base + 8, station, "COMMERCIAL", "13873915555");
        create(base + 3, station, "RESIDENTIAL", "13800000739", "15512345678");   // 739 | 1 spans two phones
        create(base + 4, station, "RESIDENTIAL", "13800007390");
        String other = create(base + 1, elsewhere, "RESIDENTIAL", "13800007391");
        DataScope scope = scopeOf(station);

        CustomerRepository.Found found = repository.searchByNumber(CustomerFilter.text("7391"), scope, 0, 20, 50);
        assertThat(found.items()).extracting(Customer::number).containsExactly(end, both, commercial);
        assertThat(found.total()).isEqualTo(3);
        assertThat(numbers(new CustomerFilter("7391", CustomerKind.RESIDENTIAL, null, null), scope))
                .containsExactly(end, both);
        assertThat(numbers(CustomerFilter.text("7391"), scopeOf(elsewhere))).containsExactly(other);
        assertThat(numbers(new CustomerFilter("7391", null, null, Set.of(elsewhere.id().value())),
                new DataScope(false, Set.of(station.id().value(), elsewhere.id().value())))).containsExactly(other);
        // pages of one, then a count past the first page (the path of any other order)
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < 4; offset++) {
            repository.searchByNumber(CustomerFilter.text("7391"), scope, offset, 1, offset + 1).items()
                    .forEach(c -> paged.add(c.number()));
        }
        assertThat(paged).containsExactly(end, both, commercial);
        assertThat(repository.count(CustomerFilter.text("7391"), scope, 100)).isEqualTo(3);
        assertThat(repository.find(CustomerFilter.text("7391"), scope, "c.name desc", 0, 10))
                .extracting(Customer::number).containsExactlyInAnyOrder(end, both, commercial);
        // longer fragments: two of their windows, then the whole fragment in one phone
        assertThat(numbers(CustomerFilter.text("73915"), scope)).containsExactly(commercial);
        assertThat(numbers(CustomerFilter.text("05717391"), scope)).containsExactly(both);
        assertThat(numbers(CustomerFilter.text("13873917391"), scope)).containsExactly(both);
        assertThat(numbers(CustomerFilter.text("07391"), scope)).containsExactly(end);
        assertThat(numbers(CustomerFilter.text("7391155"), scope)).isEmpty();
        // once per customer and window, never across two phones
        assertThat(jdbc.sql("select count(*) from customer_phone_window where number = :n and fragment = 7391")
                .param("n", both).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from customer_phone_window where number = :n and fragment = 7391")
                .param("n", Long.toString(base + 3)).query(Long.class).single()).isZero();
    }

    @Test
    void aChangeOfPhonesOrStationMovesTheCustomersWindows() throws Exception {
        OrgUnit station = station();
        OrgUnit elsewhere = station();
        String number = create(base(), station, "RESIDENTIAL", "13800004826");
        assertThat(numbers(CustomerFilter.text("4826"), scopeOf(station))).containsExactly(number);

        change(number, """
                {"phones": ["13900005937", "057188880000"]}""");
        assertThat(numbers(CustomerFilter.text("4826"), scopeOf(station))).isEmpty();
        assertThat(numbers(CustomerFilter.text("5937"), scopeOf(station))).containsExactly(number);
        assertThat(numbers(CustomerFilter.text("8888"), scopeOf(station))).containsExactly(number);
        assertThat(windows(number)).isEqualTo(windowsOf("13900005937", "057188880000"));

        change(number, """
                {"unitCode": "%s"}""".formatted(elsewhere.code()));
        assertThat(numbers(CustomerFilter.text("5937"), scopeOf(station))).isEmpty();
        assertThat(numbers(CustomerFilter.text("5937"), scopeOf(elsewhere))).containsExactly(number);
        // a change of anything else leaves the windows as they are
        change(number, """
                {"name": "改名户"}""");
        assertThat(windows(number)).isEqualTo(windowsOf("13900005937", "057188880000"));
    }

    @Test
    void theCsvImportAndTheBulkLoadWriteTheWindows() throws Exception {
        OrgUnit station = station();
        long base = base();
        String imported = Long.toString(base + 1);
        String csv = "number,name,kind,voltageLevel,address,phone,idNumber,tariffCode,capacityKva,unitCode,flags\n"
                + imported + ",导入户,RESIDENTIAL,AC220V,杭州市西湖区文一路1号,13800006152;13800006153,,RES-TIER,8,"
                + station.code() + ",\n";
        upload(csv);
        assertThat(numbers(CustomerFilter.text("6152"), scopeOf(station))).containsExactly(imported);
        assertThat(windows(imported)).isEqualTo(windowsOf("13800006152", "13800006153"));
        // the same number again updates the customer: its old phone no longer finds it
        upload(csv.replace("13800006152;13800006153", "13900003377"));
        assertThat(numbers(CustomerFilter.text("6152"), scopeOf(station))).isEmpty();
        assertThat(numbers(CustomerFilter.text("3377"), scopeOf(station))).containsExactly(imported);

        String loaded = Long.toString(base + 2);
        String second = Long.toString(base + 3);
        bulkLoad.register(List.of(
                new CustomerBulkLoad.NewCustomerRow(loaded, "批量户", "RESIDENTIAL", "AC220V", "杭州市上城区解放路2号",
                        List.of("13700003377"), null, null, null, station.code(), Set.of(), List.of()),
                new CustomerBulkLoad.NewCustomerRow(second, "批量户二", "COMMERCIAL", "AC380V", "杭州市上城区解放路3号",
                        List.of("057133771234"), null, null, null, station.code(), Set.of(), List.of())),
                Fixtures.admin());
        assertThat(numbers(CustomerFilter.text("3377"), scopeOf(station)))
                .containsExactly(imported, loaded, second);
        assertThat(windows(second)).isEqualTo(windowsOf("057133771234"));
    }

    @Test
    void aFragmentWithoutCaseMatchesAsTypedAndOneWithLettersIgnoresCase() throws Exception {
        OrgUnit station = station();
        long base = base();
        String digits = Long.toString(base);
        StringBuilder chinese = new StringBuilder();
        digits.substring(digits.length() - 6).chars().forEach(d -> chinese.append("零一二三四五六七八九".charAt(d - '0')));
        String byAddress = create(base + 1, station, "COMMERCIAL", "13800001111");
        String byName = create(base + 2, station, "COMMERCIAL", "13800002222");
        jdbc.sql("update customer set address = :a where number = :n").param("a", "浙江省杭州市" + chinese + "路1号")
                .param("n", byAddress).update();
        jdbc.sql("update customer set name = :a where number = :n").param("a", "GridCare" + chinese + "公司")
                .param("n", byName).update();

        assertThat(CustomerRepository.caseless(chinese.toString())).isTrue();
        assertThat(CustomerRepository.caseless("gridcare")).isFalse();
        assertThat(numbers(CustomerFilter.text(chinese.toString()), scopeOf(station)))
                .containsExactly(byAddress, byName);
        assertThat(numbers(CustomerFilter.text("gRIDcARE" + chinese), scopeOf(station))).containsExactly(byName);
        assertThat(numbers(CustomerFilter.text("care" + chinese.substring(0, 2)), scopeOf(station)))
                .containsExactly(byName);
    }

    // ---- a scope of a few units (a station, a county): name and address fragments walked unit by unit ----

    /**
     * A county with two stations and a station of another county. The first station has 50 customers (numbers
     * {@code base + 0..49}); a street fragment is in the address of 3, 46, 47 (commercial), 48 (important) and 49, in
     * the name of 44 and at the start of the name of 45. The second station (101–105) has it in the addresses of 101
     * and 103, the other county's station (200–202) in all three, which alone have a second fragment. Phones end in
     * the customer's place (…2000 + i), and the other station has the first station's phone ending 2046 too.
     */
    private record County(OrgUnit county, OrgUnit first, OrgUnit second, OrgUnit elsewhere, String street,
                          String outside, long base) {

        List<String> numbers(int... offsets) {
            return java.util.Arrays.stream(offsets).mapToObj(i -> Long.toString(base + i)).toList();
        }
    }

    private County county() {
        String county = Fixtures.unique("SCC");
        fixtures.unit(county, OrgUnitKind.COUNTY_COMPANY, "HQ");
        OrgUnit first = fixtures.unit(Fixtures.unique("SC1"), OrgUnitKind.SUPPLY_STATION, county);
        OrgUnit second = fixtures.unit(Fixtures.unique("SC2"), OrgUnitKind.SUPPLY_STATION, county);
        OrgUnit elsewhere = station();
        long base = base();
        String street = "街" + chinese(Long.toString(base).substring(4, 10));
        String outside = "巷" + chinese(Long.toString(base).substring(4, 10));
        List<CustomerBulkLoad.NewCustomerRow> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String name = i == 44 ? "甲" + street + "店" : i == 45 ? street + "户" : "户" + i;
            boolean onStreet = i == 3 || i >= 46;
            rows.add(row(base + i, name, i == 47 ? "COMMERCIAL" : "RESIDENTIAL",
                    "浙江省湖州市" + (onStreet ? street : "某街") + i + "号", "1380000" + (2000 + i), first,
                    i == 48 ? Set.of("IMPORTANT") : Set.of()));
        }
        for (int i = 101; i <= 105; i++) {
            rows.add(row(base + i, "乙户" + i, "RESIDENTIAL", "浙江省湖州市" + (i % 2 == 1 && i < 105 ? street : "某街") + "号",
                    "1390000" + (2000 + i), second, Set.of()));
        }
        for (int i = 200; i <= 202; i++) {
            rows.add(row(base + i, "丙户" + i, "RESIDENTIAL", "浙江省嘉兴市" + street + outside + i + "号",
                    i == 200 ? "13800002046" : "1370000" + (2000 + i), elsewhere, Set.of()));
        }
        bulkLoad.register(rows, Fixtures.admin());
        return new County(fixtures.unit(county, OrgUnitKind.COUNTY_COMPANY, "HQ"), first, second, elsewhere, street,
                outside, base);
    }

    private static CustomerBulkLoad.NewCustomerRow row(long number, String name, String kind, String address,
                                                       String phone, OrgUnit unit, Set<String> flags) {
        return new CustomerBulkLoad.NewCustomerRow(Long.toString(number), name, kind, "AC220V", address, List.of(phone),
                null, null, null, unit.code(), flags, List.of());
    }

    private static String chinese(String digits) {
        StringBuilder text = new StringBuilder();
        digits.chars().forEach(d -> text.append("零一二三四五六七八九".charAt(d - '0')));
        return text.toString();
    }

    @Test
    void aStationWalkedUnitByUnitFindsWhatTheWholeTableSearchFinds() {
        County c = county();
        DataScope station = scopeOf(c.first());
        Set<Long> walk = Set.of(c.first().id().value());
        List<String> expected = c.numbers(3, 44, 45, 46, 47, 48, 49);
        // an address fragment common in the station, also in names and at their start; every page size and cap:
        // the walk of 20 customers per match fills a cap of one from the first 20 (3); a cap of two walks 40 of them,
        // finds one and looks the rest up (3 and 44, once each); larger caps walk the whole station
        for (long upTo = 1; upTo <= 8; upTo++) {
            for (int size = 1; size <= upTo; size++) {
                for (long offset = 0; offset + size <= upTo && offset < 7; offset += size) {
                    CustomerRepository.Found walked = repository.searchByNumber(CustomerFilter.text(c.street()),
                            station, walk, offset, size, upTo);
                    CustomerRepository.Found whole = repository.searchByNumber(CustomerFilter.text(c.street()),
                            station, offset, size, upTo);
                    assertThat(walked.items()).extracting(Customer::number)
                            .containsExactlyElementsOf(expected.subList((int) offset,
                                    (int) Math.min(expected.size(), offset + size)))
                            .containsExactlyElementsOf(whole.items().stream().map(Customer::number).toList());
                    assertThat(walked.total()).isEqualTo(whole.total()).isEqualTo(Math.min(upTo, 7));
                }
            }
        }
        assertThat(walked(CustomerFilter.text(c.street()), station, walk)).containsExactlyElementsOf(expected);
        // a name fragment, the kind and flag filters (read from the table during the walk), and the unit filter
        assertThat(walked(CustomerFilter.text("甲" + c.street()), station, walk)).containsExactly(c.numbers(44).get(0));
        assertThat(walked(new CustomerFilter(c.street(), CustomerKind.COMMERCIAL, null, null), station, walk))
                .containsExactly(c.numbers(47).get(0));
        assertThat(walked(new CustomerFilter(c.street(), null, CustomerFlag.IMPORTANT, null), station, walk))
                .containsExactly(c.numbers(48).get(0));
        // a fragment only the other county's station has: nothing, while the whole company finds it there
        assertThat(walked(CustomerFilter.text(c.outside()), station, walk)).isEmpty();
        assertThat(numbers(CustomerFilter.text(c.outside()), DataScope.unrestricted()))
                .containsExactlyElementsOf(c.numbers(200, 201, 202));
        // the walk never leaves the scope, whatever units it is given
        assertThat(walked(CustomerFilter.text(c.outside()), station, Set.of(c.elsewhere().id().value()))).isEmpty();
    }

    @Test
    void aCountyWalkedUnitByUnitMergesItsStationsInNumberOrderUpToTheCap() {
        County c = county();
        DataScope county = new DataScope(false, Set.of(c.county().id().value(), c.first().id().value(),
                c.second().id().value()));
        Set<Long> walk = county.unitIds();
        List<String> expected = c.numbers(3, 44, 45, 46, 47, 48, 49, 101, 103);
        List<String> seen = new ArrayList<>();
        for (int offset = 0; offset < 10; offset += 2) {
            CustomerRepository.Found page = repository.searchByNumber(CustomerFilter.text(c.street()), county, walk,
                    offset, 2, offset + 4);
            page.items().forEach(customer -> seen.add(customer.number()));
            assertThat(page.total()).isEqualTo(Math.min(offset + 4, 9));
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(repository.searchByNumber(CustomerFilter.text(c.street()), county, walk, 0, 20, 50).total())
                .isEqualTo(9);
        // the total cap: "at least" 4
        assertThat(repository.searchByNumber(CustomerFilter.text(c.street()), county, walk, 0, 2, 4).total())
                .isEqualTo(4);
        // a unit filter narrows the county to one station
        Set<Long> second = Set.of(c.second().id().value());
        assertThat(walked(new CustomerFilter(c.street(), null, null, second), county, second))
                .containsExactlyElementsOf(c.numbers(101, 103));
        assertThat(walked(CustomerFilter.text(c.outside()), county, walk)).isEmpty();
    }

    @Test
    void stationAndCountyUsersFindTheirOwnCustomersByEveryKindOfSearchWord() throws Exception {
        County c = county();
        String stationUser = Fixtures.unique("sagent");
        fixtures.user(stationUser, c.first().code(), Role.AGENT);
        String countyUser = Fixtures.unique("cagent");
        fixtures.user(countyUser, c.county().code(), Role.AGENT);
        String number3 = c.numbers(3).get(0);

        // address and name fragments: a street common in the station, paged, with the total
        JsonNode first = search(stationUser, c.street(), 2, 0);
        assertThat(first.findValuesAsString("number")).containsExactlyElementsOf(c.numbers(3, 44));
        assertThat(first.get("total").asLong()).isEqualTo(7);
        assertThat(search(stationUser, c.street(), 2, 3).findValuesAsString("number"))
                .containsExactlyElementsOf(c.numbers(49));
        assertThat(search(countyUser, c.street(), 20, 0).findValuesAsString("number"))
                .containsExactlyElementsOf(c.numbers(3, 44, 45, 46, 47, 48, 49, 101, 103));
        assertThat(search(stationUser, "甲" + c.street(), 20, 0).findValuesAsString("number"))
                .containsExactlyElementsOf(c.numbers(44));
        // present only outside: nothing, and a total of 0
        for (String user : List.of(stationUser, countyUser)) {
            JsonNode none = search(user, c.outside(), 20, 0);
            assertThat(none.get("items")).isEmpty();
            assertThat(none.get("total").asLong()).isZero();
        }
        assertThat(search("admin", c.outside(), 20, 0).get("total").asLong()).isEqualTo(3);
        // the total cap (50) of a fragment every customer of the county has
        JsonNode everyone = search(countyUser, "浙江省湖州市", 20, 0);
        assertThat(everyone.get("total").asLong()).isEqualTo(50);
        assertThat(everyone.findValuesAsString("number")).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 20).mapToObj(i -> Long.toString(c.base() + i)).toList());
        // phone fragments (the station's 2046, not the other county's) and number prefixes, full numbers
        assertThat(search(stationUser, "2046", 20, 0).findValuesAsString("number")).containsExactlyElementsOf(c.numbers(46));
        assertThat(search(countyUser, "13800002046", 20, 0).findValuesAsString("number"))
                .containsExactlyElementsOf(c.numbers(46));
        assertThat(search(stationUser, "13900002103", 20, 0).get("items")).isEmpty();
        assertThat(search(countyUser, "13900002103", 20, 0).findValuesAsString("number"))
                .containsExactlyElementsOf(c.numbers(103));
        String prefix = Long.toString(c.base() + 100).substring(0, 11);
        assertThat(search(stationUser, prefix, 20, 0).get("items")).isEmpty();
        assertThat(search(countyUser, prefix, 20, 0).findValuesAsString("number"))
                .containsExactlyElementsOf(c.numbers(101, 102, 103, 104, 105));
        assertThat(search(stationUser, number3, 20, 0).findValuesAsString("number")).containsExactly(number3);
        assertThat(search(stationUser, c.numbers(200).get(0), 20, 0).get("items")).isEmpty();
    }

    @Test
    void aSmallScopeIsWalkedAndTheWholeCompanyIsNot() {
        County c = county();
        // enough customers elsewhere that the county holds fewer than one in twenty of them
        long base = base();
        OrgUnit background = station();
        List<CustomerBulkLoad.NewCustomerRow> rows = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            rows.add(row(base + i, "背景户" + i, "RESIDENTIAL", "浙江省某市某路" + i + "号", "13600000000", background,
                    Set.of()));
        }
        bulkLoad.register(rows, Fixtures.admin());
        DataScope county = new DataScope(false, Set.of(c.county().id().value(), c.first().id().value(),
                c.second().id().value()));
        assertThat(service.walkUnits(CustomerFilter.text(c.street()), county)).isEqualTo(county.unitIds());
        Set<Long> second = Set.of(c.second().id().value());
        assertThat(service.walkUnits(new CustomerFilter(c.street(), null, null, second), DataScope.unrestricted()))
                .isEqualTo(second);
        assertThat(service.walkUnits(CustomerFilter.text(c.street()), DataScope.unrestricted())).isNull();
    }

    private JsonNode search(String user, String q, int size, int page) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/customers").param("q", q).param("size", String.valueOf(size))
                        .param("page", String.valueOf(page)).with(user.equals("admin")
                                ? httpBasic("admin", TestDatabase.ADMIN_PASSWORD) : httpBasic(user, Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private List<String> walked(CustomerFilter filter, DataScope scope, Set<Long> walkUnits) {
        return repository.searchByNumber(filter, scope, walkUnits, 0, 20, 50).items().stream()
                .map(Customer::number).toList();
    }

    private List<String> numbers(CustomerFilter filter, DataScope scope) {
        return repository.searchByNumber(filter, scope, 0, 20, 50).items().stream().map(Customer::number).toList();
    }

    private OrgUnit station() {
        return fixtures.unit(Fixtures.unique("SW"), OrgUnitKind.SUPPLY_STATION, "HQ");
    }

    private static DataScope scopeOf(OrgUnit unit) {
        return new DataScope(false, Set.of(unit.id().value()));
    }

    private static long base() {
        return 331000000000L + Math.abs(System.nanoTime() % 10_000_000L) * 1000;
    }

    private String create(long number, OrgUnit unit, String kind, String phone, String... more) throws Exception {
        String phones = more.length == 0 ? "[]" : "[\"" + String.join("\", \"", more) + "\"]";
        mvc.perform(post("/api/v1/customers").with(httpBasic("admin", TestDatabase.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"number": "%d", "name": "窗口户", "kind": "%s", "voltageLevel": "AC380V",
                         "address": "浙江省杭州市窗口路1号", "phone": "%s", "phones": %s, "unitCode": "%s"}
                        """.formatted(number, kind, phone, phones, unit.code())))
                .andExpect(status().isCreated());
        return Long.toString(number);
    }

    private void change(String number, String body) throws Exception {
        mvc.perform(patch("/api/v1/customers/{n}", number).with(httpBasic("admin", TestDatabase.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk());
    }

    private void upload(String csv) throws Exception {
        mvc.perform(multipart("/api/v1/customers/import")
                        .file(new MockMultipartFile("file", "customers.csv", "text/csv",
                                csv.getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic("admin", TestDatabase.ADMIN_PASSWORD)))
                .andExpect(status().isOk());
    }

    /** The customer's windows as the table holds them, as four digits, sorted. */
    private List<String> windows(String number) {
        return jdbc.sql("select fragment from customer_phone_window where number = :n order by fragment")
                .param("n", number).query(Integer.class).list().stream().map(w -> "%04d".formatted(w)).toList();
    }

    /** Every distinct 4-digit window of each phone on its own, sorted. */
    private static List<String> windowsOf(String... phones) {
        java.util.TreeSet<String> windows = new java.util.TreeSet<>();
        for (String phone : phones) {
            for (int i = 0; i + 4 <= phone.length(); i++) {
                windows.add(phone.substring(i, i + 4));
            }
        }
        return List.copyOf(windows);
    }
}
