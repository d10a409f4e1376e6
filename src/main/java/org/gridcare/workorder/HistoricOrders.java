package org.gridcare.workorder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.gridcare.audit.AuditTrail;
import org.gridcare.shared.BulkCopy;
import org.gridcare.shared.BusinessTime;
import org.gridcare.sla.ClockReplay;
import org.gridcare.sla.OrderEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bulk path for orders that already happened (the demo company, benchmark volumes). Each order is
 * replayed through the {@link WorkOrder} aggregate, so a history that breaks the lifecycle is refused; the
 * orders, their timelines and return visits are written with COPY, their SLA clocks by {@link ClockReplay},
 * numbers come from {@code work_order_counter} (so a real order accepted later continues the day's sequence
 * without a gap). One load is one transaction with one audit record, and ends with
 * {@link WorkOrdersImported} for the ids it wrote, instead of one event per order and step.
 */
@Service
public class HistoricOrders {

    private static final Logger log = LoggerFactory.getLogger(HistoricOrders.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Set<String> REPLAYER = Set.of("ADMIN");

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final WorkOrderRepository repository;
    private final ClockReplay clocks;
    private final ReturnVisits returnVisits;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HistoricOrders(JdbcClient jdbc, DataSource dataSource, WorkOrderRepository repository, ClockReplay clocks,
                   ReturnVisits returnVisits, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.repository = repository;
        this.clocks = clocks;
        this.returnVisits = returnVisits;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** What a load wrote: how many orders, with ids in {@code [firstId, lastId]}. */
    public record Loaded(int count, long firstId, long lastId) {
    }

    /** Whether any work order exists at all. */
    @Transactional(readOnly = true)
    public boolean anyOrder() {
        return jdbc.sql("select exists(select 1 from work_order)").query(Boolean.class).single();
    }

    /**
     * Loads the orders in one transaction, in the order of their acceptance. A history that the lifecycle does
     * not allow, an unknown category or a step before the intake is refused ({@link IllegalArgumentException})
     * and nothing is written.
     */
    @Transactional
    public Loaded load(List<HistoricOrder> historic) {
        if (historic.isEmpty()) {
            return new Loaded(0, 0, 0);
        }
        Instant now = Instant.now(clock);
        long begin = System.nanoTime();
        Map<String, Category> categories = repository.categories().stream()
                .collect(Collectors.toMap(Category::code, Function.identity()));
        List<HistoricOrder> sorted = historic.stream().sorted(Comparator.comparing(HistoricOrder::createdAt)).toList();
        List<Long> ids = jdbc.sql("select nextval(pg_get_serial_sequence('work_order', 'id')) "
                + "from generate_series(1, :n) order by 1").param("n", sorted.size()).query(Long.class).list();
        List<String> numbers = numbers(sorted);

        Map<WorkOrderType, ReturnVisitSetting> settings = returnVisits.settings().stream()
                .collect(Collectors.toMap(ReturnVisitSetting::type, Function.identity()));
        // each order replays on its own aggregate: in parallel, kept in acceptance order
        List<Replay> replays = IntStream.range(0, sorted.size()).parallel().mapToObj(i -> {
            HistoricOrder h = sorted.get(i);
            check(h, categories, now, i);
            WorkOrder order = WorkOrder.accept(numbers.get(i), new NewWorkOrder(h.type(), h.subType(), h.category(),
                            h.channel(), h.priority(), h.customerNumber(), h.callerName(), h.callerPhone(),
                            h.address(), h.description(), h.sensitive(), h.media(), h.escalationRisk()),
                    h.areaType(), h.unitId(), h.unitCode(),
                    new WorkOrder.Flags(h.sensitive(), h.media(), h.escalationRisk(), h.repeat()), null,
                    h.createdBy(), h.createdAt());
            order.assignId(new WorkOrderId(ids.get(i)));
            Replay replay = new Replay(order, settings.getOrDefault(h.type(), new ReturnVisitSetting(h.type(), false,
                    false, 1, DissatisfiedAction.REOPEN, "system", Instant.EPOCH, 0)));
            for (int j = 0; j < h.steps().size(); j++) {
                HistoricOrder.Step step = h.steps().get(j);
                try {
                    replay.apply(step);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("historic order %d (%s, accepted %s), step %d %s: %s"
                            .formatted(i, h.type(), h.createdAt(), j, step.action(), e.getMessage()), e);
                }
            }
            return replay;
        }).toList();
        List<ClockReplay.History> histories = replays.stream().map(replay -> new ClockReplay.History(
                replay.order.id().value(), WorkOrders.profile(replay.order), replay.order.createdAt(),
                replay.slaEvents)).toList();
        long replayed = System.nanoTime();
        List<ClockReplay.Replayed> slas = clocks.replay(histories, now);
        long clocked = System.nanoTime();
        write(sorted, replays, slas);
        log.debug("{} historic orders: numbered and replayed in {} ms, clocks in {} ms, written in {} ms",
                sorted.size(), (replayed - begin) / 1_000_000, (clocked - replayed) / 1_000_000,
                (System.nanoTime() - clocked) / 1_000_000);

        long first = ids.get(0);
        long last = ids.get(ids.size() - 1);
        audit.record("WORK_ORDERS_IMPORTED", WorkOrders.ENTITY, numbers.get(0) + ".." + numbers.get(numbers.size() - 1),
                "%d historic orders bulk-loaded (ids %d–%d), accepted %s to %s".formatted(sorted.size(), first, last,
                        sorted.get(0).createdAt(), sorted.get(sorted.size() - 1).createdAt()));
        events.publishEvent(new WorkOrdersImported(first, last));
        return new Loaded(sorted.size(), first, last);
    }

    /** GD + day + the day's next numbers, taken from the same counter the intake uses, one update per day. */
    private List<String> numbers(List<HistoricOrder> sorted) {
        Map<LocalDate, Integer> perDay = new TreeMap<>();
        for (HistoricOrder h : sorted) {
            perDay.merge(LocalDate.ofInstant(h.createdAt(), BusinessTime.ZONE), 1, Integer::sum);
        }
        Map<LocalDate, Integer> next = new TreeMap<>();
        perDay.forEach((day, count) -> {
            int last = jdbc.sql("""
                    insert into work_order_counter (day, last) values (:day, :n)
                    on conflict (day) do update set last = work_order_counter.last + :n
                    returning last
                    """).param("day", day).param("n", count).query(Integer.class).single();
            next.put(day, last - count + 1);
        });
        List<String> numbers = new ArrayList<>(sorted.size());
        for (HistoricOrder h : sorted) {
            LocalDate day = LocalDate.ofInstant(h.createdAt(), BusinessTime.ZONE);
            int sequence = next.merge(day, 1, Integer::sum) - 1;
            numbers.add("GD" + DAY.format(day) + "%06d".formatted(sequence));
        }
        return numbers;
    }

    private static void check(HistoricOrder h, Map<String, Category> categories, Instant now, int index) {
        Category category = categories.get(h.category());
        if (category == null || category.type() != h.type()) {
            throw new IllegalArgumentException("historic order %d: category %s is not one of type %s"
                    .formatted(index, h.category(), h.type()));
        }
        if ((h.type() == WorkOrderType.SERVICE_APPLICATION) != (h.subType() != null)) {
            throw new IllegalArgumentException("historic order %d: a sub-type belongs to service applications only"
                    .formatted(index));
        }
        Instant previous = h.createdAt();
        for (HistoricOrder.Step step : h.steps()) {
            if (step.at().isBefore(previous) || step.at().isAfter(now)) {
                throw new IllegalArgumentException("historic order %d: step %s at %s is out of order or in the future"
                        .formatted(index, step.action(), step.at()));
            }
            previous = step.at();
        }
    }

    /** One order being replayed: the aggregate, the timeline rows, the visit rows and the SLA events so far. */
    private static final class Replay {
        private final WorkOrder order;
        private final ReturnVisitSetting setting;
        private final List<TimelineRow> timeline = new ArrayList<>();
        private final List<VisitAttempt> visits = new ArrayList<>();
        private final List<ClockReplay.Event> slaEvents = new ArrayList<>();
        private int openTries;

        Replay(WorkOrder order, ReturnVisitSetting setting) {
            this.order = order;
            this.setting = setting;
        }

        void apply(HistoricOrder.Step s) {
            Acting who = new Acting(s.actor(), order.unitId(), REPLAYER);
            Instant at = s.at();
            switch (s.action()) {
                case DISPATCH -> add(order.dispatch(s.handler(), who, at), s);
                case ACCEPT -> add(order.take(who, at), s);
                case ARRIVE -> add(order.arriveOnSite(s.note(), who, at), s);
                case RESTORE -> add(order.restorePower(s.note(), who, at), s);
                case REPLY -> add(order.reply(s.replyText(), s.result(), who, at), s);
                case REVIEW -> add(order.review(s.approved(), s.note(), who, at), s);
                case VISIT -> visit(s, who);
                case CLOSE -> add(order.close(s.replyText() != null ? s.replyText() : s.note(),
                        order.status() == WorkOrderStatus.REVIEWED && setting.visitNeeded(), who, at), s);
                case RETURN -> add(order.giveBack(s.note(), who, at), s);
                case SUSPEND -> add(order.suspend(s.note(), who, at), s);
                case RESUME -> add(order.resume(s.note(), who, at), s);
                case CANCEL -> add(order.cancel(s.note(), who, at), s);
                case REOPEN -> add(order.reopen(s.note(), who, at), s);
                case URGE -> add(order.urge(s.note(), who, at), s);
                case TRANSFER, SUPERVISE, MERGE ->
                        throw new IllegalArgumentException(s.action() + " is not supported in historic orders");
            }
        }

        /** As {@code WorkOrders.recordVisit}: the last allowed unreachable try ends the visit; dissatisfied reopens. */
        private void visit(HistoricOrder.Step s, Acting who) {
            if (s.visit() == null) {
                throw new IllegalArgumentException("a VISIT step needs its visit");
            }
            var input = new VisitInput(s.visit().result(), s.visit().aspects(), s.note(), s.visit().score(),
                    s.visit().source());
            input.check();
            boolean lastTry = openTries + 1 >= setting.maxAttempts();
            Step visit = order.recordVisit(input.result(), lastTry, input.comment(), who, s.at());
            boolean ended = visit.to() == WorkOrderStatus.VISITED;
            openTries = ended ? 0 : openTries + 1;
            visits.add(new VisitAttempt(visits.size() + 1, input.result(), input.aspects(), input.comment(),
                    input.score(), input.source(), ended, s.actor(), s.at()));
            add(visit, s);
            if (input.result() == VisitResult.DISSATISFIED
                    && setting.dissatisfiedAction() != DissatisfiedAction.ESCALATE) {
                add(order.reopenAfterDissatisfiedVisit(visit.note(), s.at()), s);
            }
        }

        private void add(Step step, HistoricOrder.Step input) {
            timeline.add(new TimelineRow(step, input.actor(), input.at()));
            for (OrderEvent event : step.slaEvents()) {
                slaEvents.add(new ClockReplay.Event(event, step.to().name(), input.at()));
            }
        }
    }

    private record TimelineRow(Step step, String actor, Instant at) {
    }

    private void write(List<HistoricOrder> sorted, List<Replay> replays, List<ClockReplay.Replayed> slas) {
        BulkCopy orders = BulkCopy.into("work_order", "id, number, type, sub_type, category_code, channel, priority, "
                + "status, customer_number, caller_name, caller_phone, address, area_type, unit_id, unit_code, handler, "
                + "description, sensitive, media, escalation_risk, repeat, suspended_from, arrived_at, restored_at, "
                + "reply_text, result, satisfaction, urge_count, reopen_count, sla_policy_id, sla_state, created_by, "
                + "created_at, updated_at, version");
        BulkCopy timeline = BulkCopy.into("work_order_timeline",
                "order_id, occurred_at, actor, action, from_status, to_status, note");
        BulkCopy visits = BulkCopy.into("work_order_visit",
                "order_id, attempt, result, aspects, comment, score, source, final, visitor, visited_at");
        for (int i = 0; i < sorted.size(); i++) {
            HistoricOrder h = sorted.get(i);
            Replay replay = replays.get(i);
            WorkOrder o = replay.order;
            ClockReplay.Replayed sla = slas.get(i);
            long id = o.id().value();
            orders.cells(id, o.number(), o.type(), o.subType(), o.categoryCode(), o.channel(), o.priority(),
                    o.status(), o.customerNumber(), o.callerName(), o.callerPhone(), o.address(), o.areaType(),
                    o.unitId(), o.unitCode(), o.handler(), o.description(), o.flags().sensitive(), o.flags().media(),
                    o.flags().escalationRisk(), o.flags().repeat(), o.suspendedFrom(), o.arrivedAt(), o.restoredAt(),
                    o.replyText(), o.result(), o.satisfaction(), o.urgeCount(), o.reopenCount(),
                    sla.policyVersionId(), sla.slaState(), o.createdBy(), o.createdAt(), h.lastChangedAt(),
                    replay.timeline.size()).endRow();
            timeline.cells(id, h.createdAt(), h.createdBy(), "CREATE", null, WorkOrderStatus.ACCEPTED, null).endRow();
            for (TimelineRow row : replay.timeline) {
                timeline.cells(id, row.at(), row.actor(), row.step().action(), row.step().from(), row.step().to(),
                        row.step().note()).endRow();
            }
            for (VisitAttempt v : replay.visits) {
                visits.cells(id, v.attempt(), v.result(), v.aspects().stream().sorted().toList(), v.comment(),
                        v.score(), v.source(), v.finalVisit(), v.visitor(), v.at()).endRow();
            }
        }
        orders.copy(dataSource);
        timeline.copy(dataSource);
        visits.copy(dataSource);
    }
}
