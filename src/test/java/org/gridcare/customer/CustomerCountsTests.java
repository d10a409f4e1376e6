package org.gridcare.customer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.MutableClock;
import org.gridcare.TestDatabase;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The customers-per-unit counts that plan a scoped search are never recounted on the search's path once held:
 * counts older than {@code gridcare.customer.search-plan-counts-age} (1 h) are served while one recount in the
 * background replaces them. The recount is kept in flight by locking the customer table, and made to fail by
 * cancelling its statement in PostgreSQL.
 */
@GridCareTest
class CustomerCountsTests {

    private static final Duration PAST_THE_AGE = Duration.ofMinutes(61);

    @Autowired CustomerCounts counts;
    @Autowired MutableClock clock;
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    private OrgUnit station;
    private Map<Long, Long> held;

    @BeforeEach
    void countsHeldAndACustomerRegisteredSince() throws Exception {
        fixtures.root();
        idle();
        held = counts.approximateByUnit();
        idle();
        held = counts.approximateByUnit();
        station = fixtures.unit(Fixtures.unique("CC"), OrgUnitKind.SUPPLY_STATION, "HQ");
        register(station);
    }

    @AfterEach
    void resetClock() {
        idle();
        clock.reset();
    }

    @Test
    void oldCountsAreServedAtOnceAndReplacedByOneRecountInTheBackground() {
        long started = counts.recountsStarted();
        // within the age a registered customer changes nothing
        assertThat(counts.approximateByUnit()).isSameAs(held).doesNotContainKey(id(station));
        assertThat(counts.recountsStarted()).isEqualTo(started);

        clock.advance(PAST_THE_AGE);
        assertThat(counts.approximateByUnit()).isSameAs(held);
        assertThat(counts.recountsStarted()).isEqualTo(started + 1);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> counts.approximateByUnit().getOrDefault(id(station), 0L) == 1L);
        assertThat(counts.recountsStarted()).as("searches during the recount start no other").isEqualTo(started + 1);
        Map<Long, Long> exact = new HashMap<>();
        jdbc.sql("select unit_id, count(*) from customer group by unit_id")
                .query(rs -> {
                    exact.put(rs.getLong(1), rs.getLong(2));
                });
        assertThat(counts.approximateByUnit()).isEqualTo(exact);
    }

    @Test
    void twoSearchesThatFindOldCountsStartOneRecount() throws Exception {
        long started = counts.recountsStarted();
        clock.advance(PAST_THE_AGE);
        ExecutorService searches = Executors.newFixedThreadPool(2);
        try {
            new TransactionTemplate(transactions).executeWithoutResult(s -> {
                // the recount waits for the table until this transaction ends
                jdbc.sql("lock table customer in access exclusive mode").update();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Map<Long, Long>>> answers = List.of(searches.submit(() -> {
                    go.await();
                    return counts.approximateByUnit();
                }), searches.submit(() -> {
                    go.await();
                    return counts.approximateByUnit();
                }));
                go.countDown();
                for (Future<Map<Long, Long>> answer : answers) {
                    // a search counting inline would wait for the lock: the bound only keeps a broken build
                    // from hanging
                    assertThat(answerOf(answer)).isSameAs(held);
                }
                assertThat(counts.recountsStarted()).isEqualTo(started + 1);
                assertThat(counts.recounting()).isTrue();
                assertThat(counts.approximateByUnit()).isSameAs(held);
                assertThat(counts.recountsStarted()).isEqualTo(started + 1);
            });
        } finally {
            searches.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> counts.approximateByUnit().getOrDefault(id(station), 0L) == 1L);
        assertThat(counts.recountsStarted()).isEqualTo(started + 1);
    }

    @Test
    void aRecountThatFailsLeavesTheOldCountsInUseAndALaterSearchRecounts() throws Exception {
        long started = counts.recountsStarted();
        clock.advance(PAST_THE_AGE);
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            jdbc.sql("lock table customer in access exclusive mode").update();
            assertThat(counts.approximateByUnit()).isSameAs(held);
            Integer recount = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                    select pid from pg_stat_activity
                    where pid <> pg_backend_pid() and wait_event_type = 'Lock'
                      and query like 'select unit_id, count(*) from customer group by unit_id%'
                    """).query(Integer.class).optional().orElse(null), pid -> pid != null);
            assertThat(jdbc.sql("select pg_cancel_backend(:pid)").param("pid", recount).query(Boolean.class).single())
                    .isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> !counts.recounting());
        });
        assertThat(counts.recountsStarted()).isEqualTo(started + 1);

        // the search that finds them old is planned with the old counts and starts another recount
        mvc.perform(get("/api/v1/customers").param("q", "计数户").param("unit", station.code())
                        .with(httpBasic("admin", TestDatabase.ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(1));
        assertThat(counts.recountsStarted()).isEqualTo(started + 2);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> counts.approximateByUnit().getOrDefault(id(station), 0L) == 1L);
    }

    /** Waits for a recount another test or the start began. */
    private void idle() {
        await().atMost(Duration.ofSeconds(30)).until(() -> !counts.recounting());
    }

    private void register(OrgUnit unit) throws Exception {
        long number = 332000000000L + Math.abs(System.nanoTime() % 10_000_000L) * 1000;
        mvc.perform(post("/api/v1/customers").with(httpBasic("admin", TestDatabase.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"number": "%d", "name": "计数户", "kind": "RESIDENTIAL", "voltageLevel": "AC220V",
                         "address": "浙江省杭州市计数路1号", "phone": "13812345678", "unitCode": "%s"}
                        """.formatted(number, unit.code())))
                .andExpect(status().isCreated());
    }

    private static long id(OrgUnit unit) {
        return unit.id().value();
    }

    private static Map<Long, Long> answerOf(Future<Map<Long, Long>> answer) {
        try {
            return answer.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("a search waited for the recount", e);
        }
    }
}
