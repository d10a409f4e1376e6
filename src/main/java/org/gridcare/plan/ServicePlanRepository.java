package org.gridcare.plan;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridcare.billing.BasicChargeBasis;
import org.gridcare.organisation.DataScope;
import org.gridcare.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ServicePlanRepository {

    private static final String COLUMNS = """
            p.id, p.customer_number, p.unit_id, p.order_number, p.status, p.tariff_before, p.basis_before,
            p.tariff_after, p.basis_after, p.capacity_kva, p.peak_shift_share, p.estimated_saving, p.advice_from,
            p.advice_to, p.note, p.application_order, p.evaluation_months, p.created_by, p.created_at, p.executed_by,
            p.executed_at, p.evaluation_due_at, p.evaluated_at, p.version, p.effective_from, p.application_status,
            p.application_done_at""";

    private final JdbcClient jdbc;

    ServicePlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<String> switchTargets(String tariffCode) {
        if (tariffCode == null) {
            return List.of();
        }
        return jdbc.sql("select to_code from plan_tariff_switch where from_code = :code order by to_code")
                .param("code", tariffCode.strip()).query(String.class).list();
    }

    /** The stored plan row (without options and evaluation) and the capacity it was recorded with. */
    record Row(long id, String customerNumber, long unitId, String orderNumber, PlanStatus status, String tariffBefore,
               BasicChargeBasis basisBefore, String tariffAfter, BasicChargeBasis basisAfter, BigDecimal capacityKva,
               BigDecimal peakShiftShare, BigDecimal estimatedSaving, YearMonth adviceFrom, YearMonth adviceTo,
               String note, String applicationOrder, int evaluationMonths, String createdBy, Instant createdAt,
               String executedBy, Instant executedAt, Instant evaluationDueAt, Instant evaluatedAt, int version,
               YearMonth effectiveFrom, String applicationStatus, Instant applicationDoneAt) {
    }

    long insert(Row r) {
        return jdbc.sql("""
                insert into service_plan (customer_number, unit_id, order_number, status, tariff_before, basis_before,
                                          tariff_after, basis_after, capacity_kva, peak_shift_share, estimated_saving,
                                          advice_from, advice_to, note, evaluation_months, created_by, created_at)
                values (:customer, :unit, :order, 'RECORDED', :tariffBefore, :basisBefore, :tariffAfter, :basisAfter,
                        :capacity, :share, :saving, :from, :to, :note, :months, :by, :at)
                returning id
                """).param("customer", r.customerNumber()).param("unit", r.unitId()).param("order", r.orderNumber())
                .param("tariffBefore", r.tariffBefore()).param("basisBefore", name(r.basisBefore()))
                .param("tariffAfter", r.tariffAfter()).param("basisAfter", name(r.basisAfter()))
                .param("capacity", r.capacityKva()).param("share", r.peakShiftShare())
                .param("saving", r.estimatedSaving()).param("from", Date.valueOf(r.adviceFrom().atDay(1)))
                .param("to", Date.valueOf(r.adviceTo().atDay(1))).param("note", r.note())
                .param("months", r.evaluationMonths()).param("by", r.createdBy())
                .param("at", Timestamp.from(r.createdAt())).query(Long.class).single();
    }

    void insertOption(long planId, PlanView.ChosenOption option) {
        jdbc.sql("""
                insert into service_plan_option (plan_id, option_key, kind, estimated_saving, summary)
                values (:plan, :key, :kind, :saving, :summary)
                """).param("plan", planId).param("key", option.key()).param("kind", option.kind().name())
                .param("saving", option.estimatedSaving()).param("summary", truncate(option.summary(), 1000)).update();
    }

    boolean hasOpenPlan(String customerNumber) {
        return jdbc.sql("select exists (select 1 from service_plan where customer_number = :c and status in ('RECORDED', 'EXECUTED', 'IN_EFFECT'))")
                .param("c", customerNumber).query(Boolean.class).single();
    }

    Optional<Row> find(long id, DataScope scope) {
        return jdbc.sql("select " + COLUMNS + " from service_plan p where p.id = :id and (:all or p.unit_id = any(:units))")
                .param("id", id).param("all", scope.all()).param("units", scope.unitIdArray())
                .query(ServicePlanRepository::row).optional();
    }

    Optional<Row> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from service_plan p where p.id = :id for update")
                .param("id", id).query(ServicePlanRepository::row).optional();
    }

    List<Row> ofCustomer(String customerNumber, DataScope scope) {
        return jdbc.sql("select " + COLUMNS + """
                 from service_plan p where p.customer_number = :c and (:all or p.unit_id = any(:units))
                 order by p.created_at desc, p.id desc limit 100
                """).param("c", customerNumber).param("all", scope.all()).param("units", scope.unitIdArray())
                .query(ServicePlanRepository::row).list();
    }

    List<Row> ofOrder(String orderNumber, DataScope scope) {
        return jdbc.sql("select " + COLUMNS + """
                 from service_plan p where p.order_number = :o and (:all or p.unit_id = any(:units))
                 order by p.created_at desc, p.id desc
                """).param("o", orderNumber).param("all", scope.all()).param("units", scope.unitIdArray())
                .query(ServicePlanRepository::row).list();
    }

    List<Row> recent(PlanStatus status, DataScope scope, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                 from service_plan p where (cast(:status as varchar) is null or p.status = :status)
                  and (:all or p.unit_id = any(:units))
                 order by p.created_at desc, p.id desc limit :limit
                """).param("status", status == null ? null : status.name()).param("all", scope.all())
                .param("units", scope.unitIdArray()).param("limit", limit).query(ServicePlanRepository::row).list();
    }

    /** Plans carried out whose evaluation came due, locked (skipping those another instance holds). */
    List<Long> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                select id from service_plan where status in ('EXECUTED', 'IN_EFFECT') and evaluation_due_at <= :now
                 order by evaluation_due_at, id limit :limit for update skip locked
                """).param("now", Timestamp.from(now)).param("limit", limit).query(Long.class).list();
    }

    void executed(long id, int version, String by, Instant at, String applicationOrder, Instant dueAt) {
        int n = jdbc.sql("""
                update service_plan set status = 'EXECUTED', executed_by = :by, executed_at = :at,
                       application_order = :order, evaluation_due_at = :due, version = version + 1
                 where id = :id and version = :version and status = 'RECORDED'
                """).param("id", id).param("version", version).param("by", by).param("at", Timestamp.from(at))
                .param("order", applicationOrder).param("due", Timestamp.from(dueAt)).update();
        if (n != 1) {
            throw ConflictException.staleVersion("ServicePlan", id);
        }
    }

    /** The plan carried out through this application order, locked. */
    Optional<Row> lockByApplication(String applicationOrder) {
        return jdbc.sql("select " + COLUMNS + " from service_plan p where p.application_order = :o for update")
                .param("o", applicationOrder).query(ServicePlanRepository::row).optional();
    }

    void applicationStatus(long id, String status) {
        jdbc.sql("update service_plan set application_status = :s where id = :id").param("s", status).param("id", id)
                .update();
    }

    /** The application was completed: the change is in force from {@code from}; the evaluation is due then. */
    void inEffect(long id, YearMonth from, Instant doneAt, Instant dueAt) {
        jdbc.sql("""
                update service_plan set status = 'IN_EFFECT', effective_from = :from, application_done_at = :at,
                       evaluation_due_at = :due, evaluated_at = null, version = version + 1 where id = :id
                """).param("id", id).param("from", Date.valueOf(from.atDay(1))).param("at", Timestamp.from(doneAt))
                .param("due", Timestamp.from(dueAt)).update();
    }

    /** The application was cancelled or merged away: the plan's change never happens. */
    void notCarriedOut(long id, Instant at) {
        jdbc.sql("""
                update service_plan set status = 'NOT_CARRIED_OUT', application_done_at = :at, version = version + 1
                 where id = :id
                """).param("id", id).param("at", Timestamp.from(at)).update();
    }

    /** Drops an evaluation (the NOT_COMPLETED one of an application completed late, to be evaluated properly). */
    void dropEvaluation(long id) {
        jdbc.sql("delete from service_plan_evaluation_month where plan_id = :id").param("id", id).update();
        jdbc.sql("delete from service_plan_evaluation where plan_id = :id").param("id", id).update();
    }

    void cancelled(long id, int version, String by, Instant at) {
        int n = jdbc.sql("""
                update service_plan set status = 'CANCELLED', cancelled_by = :by, cancelled_at = :at, version = version + 1
                 where id = :id and version = :version and status = 'RECORDED'
                """).param("id", id).param("version", version).param("by", by).param("at", Timestamp.from(at)).update();
        if (n != 1) {
            throw ConflictException.staleVersion("ServicePlan", id);
        }
    }

    void evaluated(long id, PlanView.Evaluation e) {
        jdbc.sql("""
                insert into service_plan_evaluation (plan_id, outcome, after_from, after_to, months, kwh_before,
                        cost_before, kwh_after, cost_after, counterfactual, realised_saving, evaluated_at)
                values (:id, :outcome, :from, :to, :months, :kwhBefore, :costBefore, :kwhAfter, :costAfter,
                        :counterfactual, :saving, :at)
                """).param("id", id).param("outcome", e.outcome()).param("from", Date.valueOf(e.afterFrom().atDay(1)))
                .param("to", Date.valueOf(e.afterTo().atDay(1))).param("months", e.months())
                .param("kwhBefore", e.kwhBefore()).param("costBefore", e.costBefore()).param("kwhAfter", e.kwhAfter())
                .param("costAfter", e.costAfter()).param("counterfactual", e.counterfactual())
                .param("saving", e.realisedSaving()).param("at", Timestamp.from(e.evaluatedAt())).update();
        for (PlanView.EvaluationMonth m : e.details()) {
            jdbc.sql("""
                    insert into service_plan_evaluation_month (plan_id, month, kwh_before, cost_before, kwh_after,
                            cost_after, counterfactual, saving)
                    values (:id, :month, :kwhBefore, :costBefore, :kwhAfter, :costAfter, :counterfactual, :saving)
                    """).param("id", id).param("month", Date.valueOf(m.month().atDay(1)))
                    .param("kwhBefore", m.kwhBefore()).param("costBefore", m.costBefore())
                    .param("kwhAfter", m.kwhAfter()).param("costAfter", m.costAfter())
                    .param("counterfactual", m.counterfactual()).param("saving", m.saving()).update();
        }
        jdbc.sql("update service_plan set status = 'EVALUATED', evaluated_at = :at, version = version + 1 where id = :id")
                .param("id", id).param("at", Timestamp.from(e.evaluatedAt())).update();
    }

    Map<Long, List<PlanView.ChosenOption>> options(List<Long> ids) {
        Map<Long, List<PlanView.ChosenOption>> options = new HashMap<>();
        if (ids.isEmpty()) {
            return options;
        }
        jdbc.sql("""
                select plan_id, option_key, kind, estimated_saving, summary from service_plan_option
                 where plan_id = any(:ids) order by plan_id, estimated_saving desc, option_key
                """).param("ids", ids.toArray(Long[]::new)).query(rs -> {
            options.computeIfAbsent(rs.getLong("plan_id"), k -> new ArrayList<>()).add(new PlanView.ChosenOption(
                    rs.getString("option_key"), AdviceKind.valueOf(rs.getString("kind")),
                    rs.getBigDecimal("estimated_saving"), rs.getString("summary")));
        });
        return options;
    }

    Map<Long, PlanView.Evaluation> evaluations(List<Long> ids, boolean withMonths) {
        Map<Long, PlanView.Evaluation> evaluations = new HashMap<>();
        if (ids.isEmpty()) {
            return evaluations;
        }
        Map<Long, List<PlanView.EvaluationMonth>> months = new HashMap<>();
        if (withMonths) {
            jdbc.sql("""
                    select plan_id, month, kwh_before, cost_before, kwh_after, cost_after, counterfactual, saving
                      from service_plan_evaluation_month where plan_id = any(:ids) order by plan_id, month
                    """).param("ids", ids.toArray(Long[]::new)).query(rs -> {
                months.computeIfAbsent(rs.getLong("plan_id"), k -> new ArrayList<>()).add(new PlanView.EvaluationMonth(
                        YearMonth.from(rs.getDate("month").toLocalDate()), rs.getBigDecimal("kwh_before"),
                        rs.getBigDecimal("cost_before"), rs.getBigDecimal("kwh_after"), rs.getBigDecimal("cost_after"),
                        rs.getBigDecimal("counterfactual"), rs.getBigDecimal("saving")));
            });
        }
        jdbc.sql("""
                select plan_id, outcome, after_from, after_to, months, kwh_before, cost_before, kwh_after, cost_after,
                       counterfactual, realised_saving, evaluated_at
                  from service_plan_evaluation where plan_id = any(:ids)
                """).param("ids", ids.toArray(Long[]::new)).query(rs -> {
            long id = rs.getLong("plan_id");
            evaluations.put(id, new PlanView.Evaluation(rs.getString("outcome"),
                    YearMonth.from(rs.getDate("after_from").toLocalDate()), YearMonth.from(rs.getDate("after_to").toLocalDate()),
                    rs.getInt("months"), rs.getBigDecimal("kwh_before"), rs.getBigDecimal("cost_before"),
                    rs.getBigDecimal("kwh_after"), rs.getBigDecimal("cost_after"), rs.getBigDecimal("counterfactual"),
                    rs.getBigDecimal("realised_saving"), rs.getTimestamp("evaluated_at").toInstant(),
                    months.getOrDefault(id, List.of())));
        });
        return evaluations;
    }

    /** Realised savings per unit: evaluated plans, their estimate and realised saving, within the scope. */
    record UnitSavings(long unitId, long plans, long evaluated, BigDecimal estimated, BigDecimal realised) {
    }

    List<UnitSavings> savingsByUnit(DataScope scope, Instant from, Instant to) {
        return jdbc.sql("""
                select p.unit_id, count(*) as plans, count(e.plan_id) filter (where e.outcome = 'REALISED') as evaluated,
                       coalesce(sum(p.estimated_saving) filter (where e.outcome = 'REALISED'), 0) as estimated,
                       coalesce(sum(e.realised_saving) filter (where e.outcome = 'REALISED'), 0) as realised
                  from service_plan p left join service_plan_evaluation e on e.plan_id = p.id
                 where p.status in ('EXECUTED', 'IN_EFFECT', 'EVALUATED') and (:all or p.unit_id = any(:units))
                   and p.executed_at >= :from and p.executed_at < :to
                 group by p.unit_id order by realised desc, p.unit_id
                """).param("all", scope.all()).param("units", scope.unitIdArray())
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new UnitSavings(rs.getLong("unit_id"), rs.getLong("plans"), rs.getLong("evaluated"),
                        rs.getBigDecimal("estimated"), rs.getBigDecimal("realised"))).list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp executed = rs.getTimestamp("executed_at");
        Timestamp due = rs.getTimestamp("evaluation_due_at");
        Timestamp evaluated = rs.getTimestamp("evaluated_at");
        return new Row(rs.getLong("id"), rs.getString("customer_number"), rs.getLong("unit_id"),
                rs.getString("order_number"), PlanStatus.valueOf(rs.getString("status")), rs.getString("tariff_before"),
                basis(rs.getString("basis_before")), rs.getString("tariff_after"), basis(rs.getString("basis_after")),
                rs.getBigDecimal("capacity_kva"), rs.getBigDecimal("peak_shift_share"),
                rs.getBigDecimal("estimated_saving"), YearMonth.from(rs.getDate("advice_from").toLocalDate()),
                YearMonth.from(rs.getDate("advice_to").toLocalDate()), rs.getString("note"),
                rs.getString("application_order"), rs.getInt("evaluation_months"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("executed_by"),
                executed == null ? null : executed.toInstant(), due == null ? null : due.toInstant(),
                evaluated == null ? null : evaluated.toInstant(), rs.getInt("version"),
                rs.getDate("effective_from") == null ? null : YearMonth.from(rs.getDate("effective_from").toLocalDate()),
                rs.getString("application_status"), rs.getTimestamp("application_done_at") == null ? null
                : rs.getTimestamp("application_done_at").toInstant());
    }

    private static BasicChargeBasis basis(String value) {
        return value == null ? null : BasicChargeBasis.valueOf(value);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
