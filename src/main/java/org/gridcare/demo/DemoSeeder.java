package org.gridcare.demo;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.gridcare.customer.CustomerBulkLoad;
import org.gridcare.customer.CustomerBulkLoad.NewCustomerRow;
import org.gridcare.customer.CustomerBulkLoad.NewMeterRow;
import org.gridcare.identity.NewUser;
import org.gridcare.identity.Role;
import org.gridcare.identity.Users;
import org.gridcare.metering.ReadingLoads;
import org.gridcare.shared.BusinessTime;
import org.gridcare.organisation.NewOrgUnit;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitKind;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.security.Actor;
import org.gridcare.staff.Certificates;
import org.gridcare.staff.Shifts;
import org.gridcare.staff.StaffDirectory;
import org.gridcare.staff.StaffProfiles;
import org.gridcare.workorder.HistoricOrder;
import org.gridcare.workorder.HistoricOrders;
import org.gridcare.workorder.ReturnVisitSetting;
import org.gridcare.workorder.ReturnVisits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.gridcare.quality.InspectionPlans;
import org.gridcare.quality.Inspections;
import org.gridcare.training.TrainingDemo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo company into an empty database: the units and staff through their services, customers and
 * historic work orders through the bulk loaders of their modules, meter readings of a few customers through the
 * metering module's import ({@link DemoReadings}). Runs once per database (a row in
 * {@code demo_seed}); refuses a database that holds anything but the first administrator — a customer, a work
 * order or another user. Staff passwords are random, one per role, returned once to be shown once.
 */
@Service
public class DemoSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    private static final long SEED_LOCK = 0x44454D4FL;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final int CUSTOMER_BATCH = 20_000;

    private final OrgUnits units;
    private final Users users;
    private final CustomerBulkLoad customers;
    private final HistoricOrders orders;
    private final ReturnVisits returnVisits;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final DemoInspections inspections;
    private final TrainingDemo training;
    private final Clock clock;
    private final DemoStaff staff;
    private final DemoReadings readings;

    DemoSeeder(OrgUnits units, Users users, CustomerBulkLoad customers, HistoricOrders orders,
               ReturnVisits returnVisits, JdbcClient jdbc,
               PlatformTransactionManager transactionManager, InspectionPlans plans, Inspections inspections,
               TrainingDemo training, Clock clock, StaffProfiles staffProfiles, StaffDirectory staffDirectory,
               Certificates certificates, Shifts shifts, ReadingLoads readingLoads) {
        this.readings = new DemoReadings(readingLoads);
        this.staff = new DemoStaff(staffProfiles, staffDirectory, certificates, shifts);
        this.units = units;
        this.users = users;
        this.customers = customers;
        this.orders = orders;
        this.returnVisits = returnVisits;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.inspections = new DemoInspections(plans, inspections, users, units, clock);
        this.training = training;
        this.clock = clock;
    }

    public enum Outcome {
        /** The demo company was created now. */
        SEEDED,
        /** It had been created before (or is being created by another instance): nothing done. */
        ALREADY_SEEDED,
        /** The database holds other data: nothing done. */
        REFUSED
    }

    /** What happened; {@code passwords} (per role) only when seeded now. */
    public record Result(Outcome outcome, int units, int staff, int customers, int orders, long firstOrderId,
                         long lastOrderId, Map<Role, String> passwords, Map<Role, List<String>> accounts,
                         Duration took, String reason) {
    }

    /** Seeds with the given volume, if the database is empty; see {@link Outcome}. */
    public Result seed(Volume volume) {
        Instant started = Instant.now(clock);
        long begin = System.nanoTime();
        Actor actor = new SeedingActor();
        DemoTexts texts = DemoTexts.load();
        DemoCompany company = new DemoCompany(volume.seed(), texts);
        String refusal = transactions.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", SEED_LOCK).query(Object.class).single();
            var earlier = jdbc.sql("select started_at, finished_at from demo_seed").query((rs, n) ->
                    rs.getTimestamp("finished_at") != null ? "" : "a demo seeding started at "
                            + rs.getTimestamp("started_at").toInstant() + " is still running or did not finish")
                    .optional();
            if (earlier.isPresent()) {
                return earlier.get();
            }
            String reason = dataPresent(actor, company);
            if (reason != null) {
                return reason;
            }
            jdbc.sql("""
                    insert into demo_seed (id, seed, customers, orders, months, started_at)
                    values (1, :seed, :customers, :orders, :months, :at)
                    """).param("seed", volume.seed()).param("customers", volume.customers())
                    .param("orders", volume.orders()).param("months", volume.months())
                    .param("at", Timestamp.from(started)).update();
            return null;
        });
        if (refusal != null) {
            return new Result(refusal.isEmpty() ? Outcome.ALREADY_SEEDED : Outcome.REFUSED, 0, 0, 0, 0, 0, 0, Map.of(),
                    Map.of(), Duration.ZERO, refusal.isEmpty() ? null : refusal);
        }

        Map<Role, String> passwords = new EnumMap<>(Role.class);
        Map<Role, List<String>> accounts = new EnumMap<>(Role.class);
        Map<String, Long> unitIds = transactions.execute(status -> organisation(company, actor, passwords, accounts));
        Integer profiles = transactions.execute(status -> staff.seed(company, actor, Instant.now(clock)));
        log.info("Demo company: {} staff profiles with teams, certificates and shifts", profiles);
        log.info("Demo company: {} units and {} staff created; loading {} customers", unitIds.size(),
                company.staff().size(), volume.customers());
        for (int from = 0; from < volume.customers(); from += CUSTOMER_BATCH) {
            int to = Math.min(volume.customers(), from + CUSTOMER_BATCH);
            List<NewCustomerRow> rows = IntStream.range(from, to).parallel()
                    .mapToObj(i -> row(company.customer(i))).toList();
            customers.register(rows, actor);
        }

        DemoReadings.Seeded metered = readings.seed(company, volume.customers(),
                java.time.LocalDate.ofInstant(Instant.now(clock), BusinessTime.ZONE), actor);
        log.info("Demo company: {} meter readings for {}", metered.rows(), metered.customers());

        DemoOrders generator = new DemoOrders(company, texts, volume.seed(), volume.customers(), Instant.now(clock),
                returnVisits.settings().stream().collect(Collectors.toMap(ReturnVisitSetting::type, s -> s)));
        generator.unitIds(unitIds::get);
        long[] schedule = generator.schedule(volume.orders(), volume.months());
        log.info("Demo company: {} customers loaded; loading {} work orders over {} months", volume.customers(),
                volume.orders(), volume.months());
        long first = 0;
        long last = 0;
        for (int from = 0; from < schedule.length; from += volume.batch()) {
            int to = Math.min(schedule.length, from + volume.batch());
            // each order is a function of its index alone, so generating in parallel changes nothing
            long generating = System.nanoTime();
            List<HistoricOrder> batch = IntStream.range(from, to).parallel()
                    .mapToObj(i -> generator.order(i, schedule[i])).toList();
            log.debug("Demo company: {} orders generated in {} ms", batch.size(),
                    (System.nanoTime() - generating) / 1_000_000);
            HistoricOrders.Loaded loaded = orders.load(batch);
            first = first == 0 ? loaded.firstId() : first;
            last = loaded.lastId();
            if (schedule.length > volume.batch()) {
                log.info("Demo company: {} of {} work orders loaded", to, schedule.length);
            }
        }
        if (volume.months() > 1) {
            String city = company.units().stream().filter(u -> u.kind() == OrgUnitKind.CITY_COMPANY).findFirst()
                    .orElseThrow().code();
            int scored = inspections.inspectLastMonth(city, volume.seed(), actor);
            log.info("Demo company: {} orders of last month inspected", scored);
        }
        String trainingUnit = company.units().stream().filter(u -> u.kind() == OrgUnitKind.CITY_COMPANY).findFirst()
                .orElseThrow().code();
        log.info("Demo company: {} training sessions scheduled", training.seed(trainingUnit, actor));
        // until autovacuum comes by, the planner takes the tables just loaded for empty: the first users of a new demo
        // would get plans made for no rows (qa/README.md)
        jdbc.sql("analyze").update();
        log.info("Demo company: table statistics gathered");
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        transactions.executeWithoutResult(status -> jdbc.sql(
                        "update demo_seed set finished_at = :at, took_ms = :ms where id = 1")
                .param("at", Timestamp.from(Instant.now(clock))).param("ms", took.toMillis()).update());
        return new Result(Outcome.SEEDED, unitIds.size(), company.staff().size(), volume.customers(),
                volume.orders(), first, last, passwords, accounts, took, null);
    }

    /** Why the database is not empty, or null when it is. */
    private String dataPresent(Actor actor, DemoCompany company) {
        if (customers.anyCustomer()) {
            return "it holds customers";
        }
        if (orders.anyOrder()) {
            return "it holds work orders";
        }
        long accounts = users.find(null, null, null, PageQuery.of(0, 1, null, Users.SORTS), actor).total();
        if (accounts > 1) {
            return "it holds %d user accounts besides the first administrator".formatted(accounts - 1);
        }
        for (DemoCompany.Unit unit : company.units()) {
            if (units.findByCode(unit.code()).isPresent()) {
                return "its organisation already has a unit " + unit.code();
            }
        }
        return null;
    }

    private Map<String, Long> organisation(DemoCompany company, Actor actor, Map<Role, String> passwords,
                                           Map<Role, List<String>> accounts) {
        OrgUnit root = units.visibleTo(actor).stream().filter(u -> u.parentId() == null).findFirst()
                .orElseThrow(() -> new IllegalStateException("no root unit: the first administrator runs first"));
        Map<String, Long> ids = new HashMap<>();
        for (DemoCompany.Unit unit : company.units()) {
            String parent = unit.parentCode() == null ? root.code() : unit.parentCode();
            OrgUnit created = units.create(new NewOrgUnit(unit.code(), unit.name(), unit.kind(), parent,
                    unit.areaType()), actor);
            ids.put(created.code(), created.id().value());
        }
        SecureRandom random = new SecureRandom();
        List<NewUser> staff = new ArrayList<>();
        for (DemoCompany.Staff s : company.staff()) {
            String password = passwords.computeIfAbsent(s.role(), role -> password(random));
            accounts.computeIfAbsent(s.role(), role -> new ArrayList<>()).add(s.username());
            staff.add(new NewUser(s.username(), s.displayName(), password, Set.of(s.role()), s.unitCode(), true));
        }
        users.createAll(staff, actor);
        return ids;
    }

    private static NewCustomerRow row(DemoCompany.Customer c) {
        return new NewCustomerRow(c.number(), c.name(), c.kind(), c.voltageLevel(), c.address(), c.phones(),
                c.idNumber(), c.tariffCode(), c.capacityKva(), c.station().code(), c.flags(),
                List.of(new NewMeterRow(c.meterNumber(), c.meterType(), c.multiplier(), c.installedOn())));
    }

    private static String password(SecureRandom random) {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        // every character class the password policy may ask for
        return password.append("-7a").toString();
    }

    /** The seeder acts as an administrator; its audit records name the system (nobody is signed in). */
    private record SeedingActor() implements Actor {
        @Override
        public long userId() {
            return 0;
        }

        @Override
        public String username() {
            return "demo-seeder";
        }

        @Override
        public String displayName() {
            return "demo-seeder";
        }

        @Override
        public long unitId() {
            return 0;
        }

        @Override
        public Set<String> roleNames() {
            return Set.of("ADMIN");
        }
    }
}
