package org.gridcare.workorder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.HeldTransaction;
import org.gridcare.identity.Role;
import org.gridcare.organisation.OrgUnitKind;
import org.gridcare.shared.security.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.workorder.WorkOrderWorld.as;
import static org.gridcare.workorder.WorkOrderWorld.orderBody;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

@GridCareTest
class WorkOrderApiTests {

    private static final Pattern NUMBER = Pattern.compile("GD\\d{8}\\d{6}");
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89};

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Fixtures fixtures;
    @Autowired WorkOrders orders;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactionManager;

    private WorkOrderWorld world;

    @BeforeEach
    void world() {
        world = new WorkOrderWorld(fixtures, mvc, json);
    }

    @Test
    void aFaultRepairGoesFromTheCallToTheArchiveWithItsClocksMet() throws Exception {
        String customer = world.customer("西湖区文三路 1 号");
        MockHttpServletResponse created = create(world.agent, orderBody("FAULT_REPAIR", "FAULT_REPAIR.NO_POWER",
                customer, null), null);
        assertThat(created.getStatus()).isEqualTo(201);
        JsonNode order = world.read(created.getContentAsString());
        String number = order.get("number").asString();
        assertThat(number).matches(NUMBER);
        assertThat(order.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(order.get("unitCode").asString()).isEqualTo(world.station.code());
        assertThat(order.get("version").asInt()).isZero();
        assertThat(order.get("clocks").isArray()).isTrue();
        assertThat(order.get("callerPhone").asString()).isEqualTo("139****1111");

        order = act(world.dispatcher, number, "dispatch", Map.of("version", 0, "handler", world.crew), 200);
        assertThat(order.get("status").asString()).isEqualTo("DISPATCHED");
        assertThat(order.get("handler").asString()).isEqualTo(world.crew);
        order = act(world.crew, number, "accept", Map.of("version", 1), 200);
        assertThat(order.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(order.get("callerPhone").asString()).isEqualTo("13900001111");
        order = act(world.crew, number, "arrive", Map.of("version", 2), 200);
        assertThat(order.get("arrivedAt").isNull()).isFalse();
        order = act(world.crew, number, "restore", Map.of("version", 3, "note", "更换熔断器"), 200);
        order = act(world.crew, number, "reply", Map.of("version", 4, "replyText", "查明为熔断器熔断，已恢复供电", "result", "RESOLVED"),
                200);
        assertThat(order.get("status").asString()).isEqualTo("REPLIED");
        order = act(world.supervisor, number, "review", Map.of("version", 5, "approved", true), 200);
        order = act(world.agent, number, "visit", Map.of("version", 6, "result", "SATISFIED"), 200);
        order = act(world.agent, number, "close", Map.of("version", 7), 200);
        assertThat(order.get("status").asString()).isEqualTo("CLOSED");

        JsonNode shown = world.read(mvc.perform(get("/api/v1/work-orders/" + number).with(as(world.supervisor)))
                .andReturn().getResponse().getContentAsString());
        List<String> actions = new ArrayList<>();
        shown.get("timeline").forEach(row -> actions.add(row.get("action").asString()));
        assertThat(actions).containsExactly("CREATE", "DISPATCH", "ACCEPT", "ARRIVE", "RESTORE", "REPLY", "REVIEW",
                "VISIT", "CLOSE");
        Map<String, String> clockStates = new HashMap<>();
        shown.get("clocks").forEach(c -> clockStates.put(c.get("name").asString(), c.get("state").asString()));
        assertThat(clockStates).containsEntry("DISPATCH", "MET").containsEntry("ARRIVAL", "MET")
                .containsEntry("RESTORATION", "MET");
        assertThat(shown.get("callerPhone").asString()).isEqualTo("139****1111");
    }

    @Test
    void illegalTransitionsStaleVersionsAndForeignRolesAre409() throws Exception {
        String number = world.order("COMPLAINT", "COMPLAINT.BUSINESS.TARIFF", world.customer("拱墅区 2 号"));
        act(world.crew, number, "reply", Map.of("version", 0, "replyText", "x"), 409);
        act(world.agent, number, "dispatch", Map.of("version", 0, "handler", world.crew), 409);
        act(world.dispatcher, number, "dispatch", Map.of("version", 0, "handler", world.agent), 400);
        act(world.dispatcher, number, "dispatch", Map.of("version", 0, "handler", world.crew), 200);
        act(world.dispatcher, number, "transfer", Map.of("version", 0, "unitCode", "HQ", "reason", "x"), 409);
        act(world.supervisor, number, "suspend", Map.of("version", 1), 400);
        act(world.supervisor, number, "suspend", Map.of("version", 1, "reason", "客户出差"), 200);
        act(world.supervisor, number, "resume", Map.of("version", 2, "reason", "客户返回"), 200);
        act(world.dispatcher, number, "explode", Map.of("version", 3), 404);
        JsonNode order = world.read(mvc.perform(get("/api/v1/work-orders/" + number).with(as(world.crew)))
                .andReturn().getResponse().getContentAsString());
        assertThat(order.get("status").asString()).isEqualTo("DISPATCHED");
        assertThat(order.get("actions").toString()).contains("accept", "return").doesNotContain("dispatch");
    }

    @Test
    void ofTwoConcurrentTransitionsExactlyOneWinsAndTheOtherGets409() throws Exception {
        String number = world.order("FAULT_REPAIR", "FAULT_REPAIR.NO_POWER", world.customer("滨江区 3 号"));
        String other = Fixtures.unique("crew");
        fixtures.user(other, world.station.code(), Role.FIELD_STAFF);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String handler : List.of(world.crew, other)) {
                results.add(pool.submit(() -> status(world.dispatcher, number, "dispatch",
                        Map.of("version", 0, "handler", handler))));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }
        JsonNode order = world.read(mvc.perform(get("/api/v1/work-orders/" + number).with(as(world.dispatcher)))
                .andReturn().getResponse().getContentAsString());
        assertThat(order.get("version").asInt()).isEqualTo(1);
        assertThat(order.get("timeline").size()).isEqualTo(2);
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyCreateOneOrder() throws Exception {
        String customer = world.customer("上城区 4 号");
        String key = Fixtures.unique("key-");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<MockHttpServletResponse>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> create(world.agent, orderBody("FAULT_REPAIR", "FAULT_REPAIR.NO_POWER",
                        customer, null), key)));
            }
            Set<String> numbers = new HashSet<>();
            List<Integer> statuses = new ArrayList<>();
            for (Future<MockHttpServletResponse> result : results) {
                MockHttpServletResponse response = result.get();
                statuses.add(response.getStatus());
                numbers.add(world.read(response.getContentAsString()).get("number").asString());
            }
            assertThat(numbers).hasSize(1);
            assertThat(statuses).containsOnly(200, 201).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(total("customer=" + customer)).isEqualTo(1);
    }

    @Test
    void concurrentCreationGivesUniqueGapFreeNumbers() throws Exception {
        String customer = world.customer("余杭区 5 号");
        // straight to the service: 200 HTTP Basic sign-ins would only measure BCrypt
        Actor agent = Fixtures.TestActor.of(0, world.agent, world.station.id().value(), Role.AGENT);
        NewWorkOrder command = new NewWorkOrder(WorkOrderType.CONSULTATION, null, "CONSULTATION.TARIFF",
                Channel.HOTLINE_95598, Priority.NORMAL, customer, "李四", "13900001111", null, "电价咨询", null, null,
                null);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<String>>> batches = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                batches.add(pool.submit((Callable<List<String>>) () -> {
                    List<String> numbers = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        numbers.add(orders.create(command, null, agent).order().number());
                    }
                    return numbers;
                }));
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> batch : batches) {
                all.addAll(batch.get());
            }
            assertThat(all).hasSize(200).doesNotHaveDuplicates().allMatch(n -> NUMBER.matcher(n).matches());
            assertThat(all.stream().map(n -> n.substring(0, 10)).distinct()).hasSize(1);
            List<Integer> sequences = all.stream().map(n -> Integer.parseInt(n.substring(10))).sorted().toList();
            assertThat(sequences.get(sequences.size() - 1) - sequences.get(0)).isEqualTo(199);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void ordersWrittenTogetherInOneGroupEachKeepTheirOwnCallerTypeClocksAndComplaintCase() throws Exception {
        String customer = world.customer("拱墅区 7 号");
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String agent = Fixtures.unique("agent");
            fixtures.user(agent, world.station.code(), Role.AGENT);
            agents.add(agent);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Map<String, String> callerOf = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, JsonNode> shownAtIntake = new java.util.concurrent.ConcurrentHashMap<>();
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String agent = agents.get(t % agents.size());
                boolean complaints = t % 2 == 0;
                calls.add(pool.submit((Callable<Void>) () -> {
                    for (int i = 0; i < 5; i++) {
                        MockHttpServletResponse response = create(agent, complaints
                                ? orderBody("COMPLAINT", "COMPLAINT.SERVICE", customer, null)
                                : orderBody("FAULT_REPAIR", "FAULT_REPAIR.NO_POWER", customer, null), null);
                        assertThat(response.getStatus()).isEqualTo(201);
                        JsonNode order = world.read(response.getContentAsString());
                        callerOf.put(order.get("number").asString(), agent);
                        shownAtIntake.put(order.get("number").asString(), order);
                    }
                    return null;
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(callerOf).hasSize(40);
        for (var entry : callerOf.entrySet()) {
            String number = entry.getKey();
            JsonNode atIntake = shownAtIntake.get(number);
            JsonNode stored = world.read(mvc.perform(get("/api/v1/work-orders/" + number).with(as(world.supervisor)))
                    .andReturn().getResponse().getContentAsString());
            String type = atIntake.get("type").asString();
            assertThat(stored.get("type").asString()).isEqualTo(type);
            assertThat(stored.get("timeline").get(0).get("actor").asString()).isEqualTo(entry.getValue());
            assertThat(names(stored.get("clocks"))).isEqualTo(names(atIntake.get("clocks")))
                    .contains(type.equals("COMPLAINT") ? "CONTACT" : "DISPATCH");
            assertThat(jdbc.sql("select actor from audit_event where action = 'WORK_ORDER_ACCEPTED' and entity_id = :n")
                    .param("n", number).query(String.class).list()).containsExactly(entry.getValue());
            assertThat(jdbc.sql("select count(*) from complaint_case where order_number = :n").param("n", number)
                    .query(Long.class).single()).isEqualTo(type.equals("COMPLAINT") ? 1 : 0);
        }
    }

    private static Set<String> names(JsonNode clocks) {
        Set<String> names = new HashSet<>();
        clocks.forEach(clock -> names.add(clock.get("name").asString()));
        return names;
    }

    @Test
    void badInputIsA400NamingTheFieldAndSavesNothing() throws Exception {
        String customer = world.customer("萧山区 6 号");
        var missing = orderBody("COMPLAINT", "COMPLAINT.SERVICE", customer, null);
        missing.remove("description");
        missing.remove("type");
        assertProblem(create(world.agent, missing, null), 400, "description", "type");

        var unknownCustomer = orderBody("COMPLAINT", "COMPLAINT.SERVICE", "3399999999999", null);
        assertProblem(create(world.agent, unknownCustomer, null), 400, "customerNumber");

        var wrongChannel = orderBody("COMPLAINT", "COMPLAINT.SERVICE", customer, null);
        wrongChannel.put("channel", "PIGEON");
        assertProblem(create(world.agent, wrongChannel, null), 400, "channel");

        var wrongType = orderBody("GOSSIP", "COMPLAINT.SERVICE", customer, null);
        assertProblem(create(world.agent, wrongType, null), 400, "type");

        var wrongCategory = orderBody("COMPLAINT", "FAULT_REPAIR.NO_POWER", customer, null);
        assertProblem(create(world.agent, wrongCategory, null), 400, "category");

        var noSubType = orderBody("SERVICE_APPLICATION", "SERVICE_APPLICATION.RECONNECTION", customer, null);
        assertProblem(create(world.agent, noSubType, null), 400, "subType");

        var anonymousComplaint = orderBody("COMPLAINT", "COMPLAINT.SERVICE", null, null);
        assertProblem(create(world.agent, anonymousComplaint, null), 400, "customerNumber");

        assertThat(total("customer=" + customer)).isZero();
        assertProblem(mvc.perform(get("/api/v1/work-orders?status=LOST").with(as(world.agent))).andReturn()
                .getResponse(), 400, "status");
    }

    @Test
    void attachmentsAreCheckedByTheirBytesAndSize() throws Exception {
        String number = world.order("FAULT_REPAIR", "FAULT_REPAIR.EQUIPMENT", world.customer("临平区 7 号"));
        var ok = mvc.perform(multipart("/api/v1/work-orders/" + number + "/attachments")
                .file(new MockMultipartFile("file", "现场.png", "image/png", PNG)).with(as(world.agent)))
                .andReturn().getResponse();
        assertThat(ok.getStatus()).isEqualTo(201);
        long id = world.read(ok.getContentAsString()).get("id").asLong();
        var download = mvc.perform(get("/api/v1/work-orders/" + number + "/attachments/" + id).with(as(world.agent)))
                .andReturn().getResponse();
        assertThat(download.getContentAsByteArray()).isEqualTo(PNG);
        assertThat(download.getContentType()).isEqualTo("image/png");

        var disguised = mvc.perform(multipart("/api/v1/work-orders/" + number + "/attachments")
                .file(new MockMultipartFile("file", "photo.png", "image/png", "#!/bin/sh\necho hi\n".getBytes()))
                .with(as(world.agent))).andReturn().getResponse();
        assertProblem(disguised, 400, "file");
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        var oversized = mvc.perform(multipart("/api/v1/work-orders/" + number + "/attachments")
                .file(new MockMultipartFile("file", "big.png", "image/png", big)).with(as(world.agent)))
                .andReturn().getResponse();
        assertProblem(oversized, 400, "file");
        JsonNode order = world.read(mvc.perform(get("/api/v1/work-orders/" + number).with(as(world.agent)))
                .andReturn().getResponse().getContentAsString());
        assertThat(order.get("attachments").size()).isEqualTo(1);
    }

    @Test
    void aSecondComplaintOfTheSameCustomerAndCategoryIsARepeatOfTheFirst() throws Exception {
        String customer = world.customer("富阳区 8 号");
        String first = world.order("COMPLAINT", "COMPLAINT.BUSINESS.METERING", customer);
        String other = world.order("COMPLAINT", "COMPLAINT.SERVICE", customer);
        // the intake's own answer already says so (the check runs with the order's insert)
        JsonNode answer = world.read(create(world.agent, orderBody("COMPLAINT", "COMPLAINT.BUSINESS.METERING",
                customer, null), null).getContentAsString());
        assertThat(answer.get("flags").toString()).contains("REPEAT");
        assertThat(answer.get("repeatOf").asString()).isEqualTo(first);
        String second = answer.get("number").asString();
        JsonNode repeat = world.read(mvc.perform(get("/api/v1/work-orders/" + second).with(as(world.agent)))
                .andReturn().getResponse().getContentAsString());
        assertThat(repeat.get("flags").toString()).contains("REPEAT");
        assertThat(repeat.get("repeatOf").asString()).isEqualTo(first);
        assertThat(repeat.get("timeline").get(0).get("note").asString()).isEqualTo("repeat of " + first);
        JsonNode notRepeat = world.read(mvc.perform(get("/api/v1/work-orders/" + other).with(as(world.agent)))
                .andReturn().getResponse().getContentAsString());
        assertThat(notRepeat.get("flags").toString()).doesNotContain("REPEAT");
    }

    @Test
    void twoComplaintsOfOneCustomerInOneGroupOfIntakesAreARepeatAndItsCaseIsLinked() throws Exception {
        String customer = world.customer("余杭区 12 号");
        String other = world.customer("余杭区 13 号");
        // today's counter row exists; a transaction holding it makes the writer wait with the group it writes
        String day = world.order("CONSULTATION", "CONSULTATION.TARIFF", other).substring(2, 10);
        org.springframework.transaction.support.TransactionTemplate tx = new org.springframework.transaction.support
                .TransactionTemplate(transactionManager);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (HeldTransaction counter = HeldTransaction.take(tx, () ->
                jdbc.sql("select last from work_order_counter where day = :day for update")
                        .param("day", java.time.LocalDate.parse(day, java.time.format.DateTimeFormatter.BASIC_ISO_DATE))
                        .query(Long.class).single())) {
            Future<JsonNode> blocked = pool.submit(() -> world.read(create(world.agent,
                    orderBody("OPINION", "OPINION", other, null), null).getContentAsString()));
            awaitTrue(() -> orders.queuedIntakes() == 0 && jdbc.sql("select count(*) from pg_locks where not granted")
                    .query(Long.class).single() > 0);
            List<Future<JsonNode>> group = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                group.add(pool.submit(() -> world.read(create(world.agent,
                        orderBody("COMPLAINT", "COMPLAINT.SERVICE", customer, null), null).getContentAsString())));
            }
            awaitTrue(() -> orders.queuedIntakes() == 2);
            counter.release();
            assertThat(blocked.get().get("flags").toString()).doesNotContain("REPEAT");
            JsonNode a = group.get(0).get();
            JsonNode b = group.get(1).get();
            JsonNode first = a.get("number").asString().compareTo(b.get("number").asString()) < 0 ? a : b;
            JsonNode second = first == a ? b : a;
            assertThat(first.get("flags").toString()).doesNotContain("REPEAT");
            assertThat(second.get("flags").toString()).contains("REPEAT");
            assertThat(second.get("repeatOf").asString()).isEqualTo(first.get("number").asString());
            JsonNode stored = world.read(mvc.perform(get("/api/v1/work-orders/" + second.get("number").asString())
                    .with(as(world.agent))).andReturn().getResponse().getContentAsString());
            assertThat(stored.get("repeatOf").asString()).isEqualTo(first.get("number").asString());
            assertThat(stored.get("timeline").get(0).get("note").asString())
                    .isEqualTo("repeat of " + first.get("number").asString());
            // their complaint cases, opened at the group's commit, are linked the same way
            assertThat(jdbc.sql("""
                    select p.order_number from complaint_case c join complaint_case p on p.id = c.repeat_of_id
                     where c.order_number = :number""").param("number", second.get("number").asString())
                    .query(String.class).list()).containsExactly(first.get("number").asString());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in 20 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aConsultationAnsweredAtFirstContactIsClosedByTheAgent() throws Exception {
        var anonymous = orderBody("CONSULTATION", "CONSULTATION.TARIFF", null, null);
        JsonNode order = world.read(create(world.agent, anonymous, null).getContentAsString());
        String number = order.get("number").asString();
        order = act(world.agent, number, "close", Map.of("version", 0, "replyText", "居民阶梯电价第一档 0.538 元"), 200);
        assertThat(order.get("status").asString()).isEqualTo("CLOSED");
    }

    @Test
    void ordersOutsideTheCallersScopeDoNotExistForThem() throws Exception {
        String number = world.order("OPINION", "OPINION", world.customer("桐庐县 9 号"));
        String elsewhere = Fixtures.unique("WX");
        fixtures.unit(elsewhere, OrgUnitKind.CITY_COMPANY, "HQ");
        String stranger = Fixtures.unique("agent");
        fixtures.user(stranger, elsewhere, Role.AGENT, Role.SUPERVISOR);
        assertThat(mvc.perform(get("/api/v1/work-orders/" + number).with(as(stranger))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        act(stranger, number, "urge", Map.of("version", 0), 404);
        assertThat(total("text=" + number)).isEqualTo(1);
        JsonNode page = world.read(mvc.perform(get("/api/v1/work-orders?text=" + number).with(as(stranger)))
                .andReturn().getResponse().getContentAsString());
        assertThat(page.get("total").asLong()).isZero();
    }

    @Test
    void urgingAndSupervisingNotifyTheHandlerAndCount() throws Exception {
        String number = world.order("COMPLAINT", "COMPLAINT.OUTAGE", world.customer("建德市 10 号"));
        act(world.dispatcher, number, "dispatch", Map.of("version", 0, "handler", world.crew), 200);
        act(world.agent, number, "urge", Map.of("version", 1, "note", "客户第二次来电"), 200);
        JsonNode order = act(world.supervisor, number, "supervise", Map.of("version", 2, "note", "今日办结",
                "dueAt", "2099-01-01T00:00:00Z"), 200);
        assertThat(order.get("urgeCount").asInt()).isEqualTo(1);
        assertThat(order.get("superviseNote").asString()).isEqualTo("今日办结");
        JsonNode queues = world.read(mvc.perform(get("/api/v1/work-order-queues").with(as(world.crew))).andReturn()
                .getResponse().getContentAsString());
        assertThat(queues.get("mine").asLong()).isEqualTo(1);
    }

    private MockHttpServletResponse create(String user, Map<String, Object> body, String key) throws Exception {
        var request = post("/api/v1/work-orders").with(as(user)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private JsonNode act(String user, String number, String action, Map<String, Object> body, int expected)
            throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/api/v1/work-orders/" + number + "/" + action)
                .with(as(user)).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(action + " by " + user + ": " + response.getContentAsString())
                .isEqualTo(expected);
        return world.read(response.getContentAsString());
    }

    private int status(String user, String number, String action, Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/v1/work-orders/" + number + "/" + action).with(as(user))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andReturn().getResponse().getStatus();
    }

    @Test
    void theUnitFilterTakesTheUnitsWholeSubtree() throws Exception {
        String customer = world.customer("拱墅区 7 号");
        world.order("CONSULTATION", "CONSULTATION.TARIFF", customer);
        assertThat(total("unit=" + world.station.code())).isEqualTo(1);
        // the station's city company: its orders are those of the stations below it
        assertThat(total("unit=" + world.station.parentCode())).isEqualTo(1);
    }

    private long total(String query) throws Exception {
        return world.read(mvc.perform(get("/api/v1/work-orders?" + query).with(WorkOrderWorld.admin())).andReturn()
                .getResponse().getContentAsString()).get("total").asLong();
    }

    private void assertProblem(MockHttpServletResponse response, int status, String... fields) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode errors = world.read(response.getContentAsString()).get("errors");
        List<String> named = new ArrayList<>();
        if (errors != null) {
            errors.forEach(e -> named.add(e.get("field").asString()));
        }
        assertThat(named).contains(fields);
    }
}
