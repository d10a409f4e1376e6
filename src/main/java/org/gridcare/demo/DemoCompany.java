package org.gridcare.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.gridcare.identity.Role;
import org.gridcare.organisation.AreaType;
import org.gridcare.organisation.OrgUnitKind;

/**
 * The demo company, generated from a seed: 滨江市供电公司 with three county companies, ten supply stations
 * (urban, rural and remote), a repair team per station, about sixty staff in every role, and any number of
 * customers. Everything is a pure function of the seed (a customer of the index), so the benchmarks load the
 * same company at any volume.
 */
final class DemoCompany {

    static final String CITY = "BJ";

    /** A unit of the tree; {@code region} is the company (0 city, 1–3 counties) whose staff serve it. */
    record Unit(String code, String name, OrgUnitKind kind, String parentCode, AreaType areaType) {
    }

    /** A supply station with where its customers live. */
    record Station(int index, String code, String name, AreaType areaType, int region, String county,
                   String place, int weight) {
        String teamCode() {
            return code + "-QX";
        }
    }

    record Staff(String username, String displayName, Role role, String unitCode, int region) {
    }

    /** One demo customer, with one meter. */
    record Customer(int index, String number, String name, String kind, String voltageLevel, String address,
                    List<String> phones, String idNumber, String tariffCode, BigDecimal capacityKva, Station station,
                    Set<String> flags, String meterNumber, String meterType, BigDecimal multiplier,
                    LocalDate installedOn) {
    }

    private static final String[] REGION_CODES = {CITY, "BJ-AN", "BJ-QS", "BJ-YH"};
    private static final String[] COUNTIES = {null, "安宁县", "青山县", "云河县"};
    private static final int[] FIELD_STAFF_PER_STATION = {3, 3, 3, 3, 2, 2, 2, 2, 2, 2};

    private final long seed;
    private final DemoTexts texts;
    private final String city;
    private final List<Station> stations = new ArrayList<>();
    private final List<Unit> units = new ArrayList<>();
    private final List<Staff> staff = new ArrayList<>();
    private final int totalWeight;
    private final Map<String, List<Staff>> byRoleAndRegion;
    private final Map<String, List<Staff>> byUnit;

    DemoCompany(long seed, DemoTexts texts) {
        this.seed = seed;
        this.texts = texts;
        this.city = texts.one("city");
        station("BJ-CD", "城东供电所", AreaType.URBAN, 0, "东湖区", 16);
        station("BJ-CX", "城西供电所", AreaType.URBAN, 0, "西城区", 14);
        station("BJ-JB", "江北供电所", AreaType.URBAN, 0, "江北区", 12);
        station("BJ-AN-CG", "安宁城关供电所", AreaType.URBAN, 1, "城关镇", 10);
        station("BJ-AN-SQ", "安宁石桥供电所", AreaType.RURAL, 1, "石桥镇", 9);
        station("BJ-QS-QL", "青山青龙供电所", AreaType.RURAL, 2, "青龙镇", 9);
        station("BJ-QS-GP", "青山高坪供电所", AreaType.REMOTE, 2, "高坪乡", 5);
        station("BJ-YH-CG", "云河城关供电所", AreaType.RURAL, 3, "城关镇", 9);
        station("BJ-YH-BS", "云河白沙供电所", AreaType.RURAL, 3, "白沙镇", 9);
        station("BJ-YH-WL", "云河雾岭供电所", AreaType.REMOTE, 3, "雾岭乡", 7);
        totalWeight = stations.stream().mapToInt(Station::weight).sum();
        buildUnits();
        buildStaff(new SplittableRandom(seed));
        byRoleAndRegion = staff.stream().collect(Collectors.groupingBy(s -> s.role().name() + s.region()));
        byUnit = staff.stream().collect(Collectors.groupingBy(Staff::unitCode));
    }

    private void station(String code, String name, AreaType area, int region, String place, int weight) {
        stations.add(new Station(stations.size(), code, name, area, region, COUNTIES[region], place, weight));
    }

    private void buildUnits() {
        units.add(new Unit(CITY, city + "供电公司", OrgUnitKind.CITY_COMPANY, null, AreaType.URBAN));
        for (int region = 1; region < REGION_CODES.length; region++) {
            units.add(new Unit(REGION_CODES[region], COUNTIES[region] + "供电公司", OrgUnitKind.COUNTY_COMPANY, CITY,
                    AreaType.RURAL));
        }
        for (Station s : stations) {
            units.add(new Unit(s.code(), s.name(), OrgUnitKind.SUPPLY_STATION, REGION_CODES[s.region()],
                    s.areaType()));
            units.add(new Unit(s.teamCode(), s.name().replace("供电所", "抢修班"), OrgUnitKind.TEAM, s.code(),
                    s.areaType()));
        }
    }

    /** City staff sit at the city company (their data scope is the whole city), county staff at their county. */
    private void buildStaff(SplittableRandom random) {
        Set<String> names = new LinkedHashSet<>();
        add(random, names, Role.ADMIN, 1, 0);
        add(random, names, Role.MANAGER, 1, 0, 1, 2, 3);
        add(random, names, Role.SUPERVISOR, 2, 0, 1, 2, 3);
        add(random, names, Role.AGENT, 14, 0, 1, 2, 3);
        add(random, names, Role.DISPATCHER, 2, 0, 1, 2, 3);
        add(random, names, Role.INSPECTOR, 2, 0);
        add(random, names, Role.TRAINER, 1, 0);
        int n = 0;
        for (Station s : stations) {
            for (int i = 0; i < FIELD_STAFF_PER_STATION[s.index()]; i++) {
                staff.add(new Staff("field%02d".formatted(++n), uniqueName(random, names), Role.FIELD_STAFF,
                        s.teamCode(), s.region()));
            }
        }
    }

    /** {@code cityCount} of the role at the city company and one at each listed county (regions 1–3). */
    private void add(SplittableRandom random, Set<String> names, Role role, int cityCount, int... regions) {
        String prefix = role == Role.FIELD_STAFF ? "field" : role == Role.ADMIN ? "sysadmin"
                : role.name().toLowerCase(java.util.Locale.ROOT);
        int n = 0;
        for (int region : regions) {
            int count = region == 0 ? cityCount : 1;
            for (int i = 0; i < count; i++) {
                staff.add(new Staff("%s%02d".formatted(prefix, ++n), uniqueName(random, names), role,
                        REGION_CODES[region], region));
            }
        }
    }

    private String uniqueName(SplittableRandom random, Set<String> names) {
        String name;
        do {
            name = texts.personName(random);
        } while (!names.add(name));
        return name;
    }

    List<Unit> units() {
        return units;
    }

    List<Station> stations() {
        return stations;
    }

    List<Staff> staff() {
        return staff;
    }

    List<Staff> staff(Role role, int region) {
        return byRoleAndRegion.get(role.name() + region);
    }

    List<Staff> fieldStaff(Station station) {
        return byUnit.get(station.teamCode());
    }

    String cityUnitCode() {
        return CITY;
    }

    /** The customer with this index (0-based): the same for the same seed, whatever else is generated. */
    Customer customer(int index) {
        SplittableRandom r = new SplittableRandom(seed * 0x5DEECE66DL + index * 0x9E3779B97F4A7C15L);
        Station station = pickStation(r);
        boolean urban = station.areaType() == AreaType.URBAN;
        int roll = r.nextInt(1000);
        String kind = urban ? (roll < 880 ? "RESIDENTIAL" : roll < 980 ? "COMMERCIAL" : roll < 995 ? "LARGE_INDUSTRY"
                : "AGRICULTURE")
                : (roll < 820 ? "RESIDENTIAL" : roll < 880 ? "COMMERCIAL" : roll < 900 ? "LARGE_INDUSTRY"
                : "AGRICULTURE");
        String address = address(station, r);
        String name;
        String voltage;
        String tariff;
        BigDecimal capacity;
        String idNumber = null;
        String meterType;
        BigDecimal multiplier;
        Set<String> flags = new LinkedHashSet<>();
        switch (kind) {
            case "COMMERCIAL" -> {
                name = placeName(station) + texts.pick("shops", r);
                voltage = r.nextInt(5) == 0 ? "AC10KV" : "AC380V";
                tariff = "COM-GENERAL";
                capacity = BigDecimal.valueOf(10 + r.nextInt(190));
                idNumber = creditCode(r);
                meterType = "THREE_PHASE";
                multiplier = BigDecimal.ONE;
            }
            case "LARGE_INDUSTRY" -> {
                name = (urban ? city.substring(0, 2) : station.county().substring(0, 2)) + texts.pick("industryWords", r)
                        + texts.pick("industries", r);
                voltage = r.nextInt(3) == 0 ? "AC35KV" : "AC10KV";
                tariff = "EXAMPLE-LI-TOU";
                capacity = BigDecimal.valueOf(315 + r.nextInt(4700));
                idNumber = creditCode(r);
                meterType = "HIGH_VOLTAGE_CT";
                multiplier = BigDecimal.valueOf(200);
                if (r.nextInt(10) < 3) {
                    flags.add("IMPORTANT");
                }
            }
            case "AGRICULTURE" -> {
                String farm = texts.pick("farms", r);
                name = farm.startsWith("村") ? texts.pick("villages", r) + farm : texts.personName(r) + farm;
                voltage = "AC380V";
                tariff = "AGR-PROD";
                capacity = BigDecimal.valueOf(15 + r.nextInt(85));
                meterType = "THREE_PHASE_CT";
                multiplier = BigDecimal.valueOf(30);
            }
            default -> {
                name = texts.personName(r);
                voltage = r.nextInt(20) == 0 ? "AC380V" : "AC220V";
                // the billing module's seeded Zhejiang residential tariffs; every third household has chosen time-of-use
                tariff = index % 3 == 0 ? "ZJ-RES-TOU" : "ZJ-RES-FLAT";
                capacity = BigDecimal.valueOf(4 + r.nextInt(9));
                if (r.nextInt(10) < 7) {
                    idNumber = residentId(station, r);
                }
                meterType = voltage.equals("AC380V") ? "THREE_PHASE" : "SINGLE_PHASE";
                multiplier = BigDecimal.ONE;
                if (r.nextInt(50) == 0) {
                    flags.add("VULNERABLE");
                }
            }
        }
        if (r.nextInt(70) == 0) {
            flags.add("SENSITIVE");
        }
        List<String> phones = new ArrayList<>();
        phones.add(kind.equals("RESIDENTIAL") || r.nextBoolean() ? mobile(r) : landline(r));
        if (r.nextInt(10) == 0) {
            phones.add(mobile(r));
        }
        LocalDate installed = LocalDate.of(2008, 1, 1).plusDays(r.nextInt(6400));
        return new Customer(index, "3311%08d".formatted(index + 1), name, kind, voltage, address, List.copyOf(phones),
                idNumber, tariff, capacity, station, Set.copyOf(flags), "BJ%012d".formatted(index + 1), meterType,
                multiplier, installed);
    }

    private Station pickStation(SplittableRandom r) {
        int roll = r.nextInt(totalWeight);
        for (Station s : stations) {
            roll -= s.weight();
            if (roll < 0) {
                return s;
            }
        }
        return stations.get(stations.size() - 1);
    }

    private String placeName(Station s) {
        return s.region() == 0 ? city + s.place() : s.county() + s.place();
    }

    private String address(Station s, SplittableRandom r) {
        if (s.region() == 0) {
            return "%s%s%s%d号%s%d幢%d单元%d室".formatted(city, s.place(), texts.pick("roads", r), 1 + r.nextInt(300),
                    texts.pick("estates", r), 1 + r.nextInt(30), 1 + r.nextInt(4),
                    (1 + r.nextInt(18)) * 100 + 1 + r.nextInt(4));
        }
        if (s.areaType() == AreaType.URBAN || s.place().equals("城关镇")) {
            return "%s%s%s%s%d号".formatted(city, s.county(), s.place(), texts.pick("roads", r), 1 + r.nextInt(200));
        }
        return "%s%s%s%s村%d组%d号".formatted(city, s.county(), s.place(), texts.pick("villages", r),
                1 + r.nextInt(12), 1 + r.nextInt(90));
    }

    static String mobile(SplittableRandom r) {
        String[] prefixes = {"130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155",
                "157", "158", "159", "177", "180", "181", "186", "187", "188", "189", "199"};
        return prefixes[r.nextInt(prefixes.length)] + "%08d".formatted(r.nextInt(100_000_000));
    }

    private static String landline(SplittableRandom r) {
        return "0578" + (8 + r.nextInt(2)) + "%07d".formatted(r.nextInt(10_000_000));
    }

    /** An 18-digit resident ID with a valid ISO 7064 check character. */
    private static String residentId(Station s, SplittableRandom r) {
        LocalDate born = LocalDate.of(1940, 1, 1).plusDays(r.nextInt(23_000));
        String body = "3311%02d%s%03d".formatted(2 + s.region(), born.toString().replace("-", ""), r.nextInt(1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** A unified social credit code: 91 (enterprise), the area code, then ten characters. */
    private static String creditCode(SplittableRandom r) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder code = new StringBuilder("91331100");
        for (int i = 0; i < 10; i++) {
            code.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return code.toString();
    }
}
