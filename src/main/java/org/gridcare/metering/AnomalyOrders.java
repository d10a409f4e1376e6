package org.gridcare.metering;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.gridcare.audit.AuditTrail;
import org.gridcare.customer.CustomerSummary;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.security.Actor;
import org.gridcare.workorder.NewWorkOrder;
import org.gridcare.workorder.Priority;
import org.gridcare.workorder.SubType;
import org.gridcare.workorder.WorkOrderType;
import org.gridcare.workorder.WorkOrders;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises a READING_ANOMALY service application (服务申请 · 抄表数据异常) for a detected consumption anomaly, in one
 * click. The anomaly is found again by the server in the analysis of the range the caller looked at (a client
 * can't make one up), the order is created through the workorder module's intake — pre-filled with the
 * customer and a description of the anomaly — and remembered per customer and anomaly key, so a second click
 * (by anyone) answers the order of the first.
 */
@Service
class AnomalyOrders {

    static final String ENTITY = "MeterAnomaly";
    static final String CATEGORY = "SERVICE_APPLICATION.READING_ANOMALY";
    /** Order descriptions are business records: written in the company's language, whatever the caller's. */
    private static final Locale RECORD_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final Consumption consumption;
    private final ConsumptionAnalyst analyst;
    private final WorkOrders orders;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final MeteringProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    AnomalyOrders(Consumption consumption, ConsumptionAnalyst analyst, WorkOrders orders, AuditTrail audit,
                  MessageSource messages, MeteringProperties properties, JdbcClient jdbc, Clock clock) {
        this.consumption = consumption;
        this.analyst = analyst;
        this.orders = orders;
        this.audit = audit;
        this.messages = messages;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The order of an anomaly, and whether this call created it (false: it had been raised before). */
    record Raised(String anomalyKey, String orderNumber, boolean created) {
    }

    /**
     * The work order of the anomaly {@code key} that the analysis of {@code from}–{@code to} (the same defaults
     * as the analysis) finds for the customer: created now, or the one raised before. 404 when the customer is
     * not within the caller's scope or the analysis has no such anomaly.
     */
    @Transactional
    public Raised raise(String customerNumber, String key, LocalDate from, LocalDate to, Actor actor) {
        Consumption.Metered metered = consumption.metered(customerNumber, actor);
        if (key == null || !Anomaly.KEY.matcher(key).matches()) {
            throw new NotFoundException("Anomaly", key);
        }
        CustomerSummary customer = metered.customer();
        // one raise per customer and anomaly at a time, across instances; the primary key is the last word
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:k, 7305))")
                .param("k", "meter-anomaly:" + customer.number() + ":" + key).query(Object.class).list();
        Optional<String> earlier = orderOf(customer.number(), key);
        if (earlier.isPresent()) {
            return new Raised(key, earlier.get(), false);
        }
        Anomaly anomaly = analyst.analyse(customer.number(), from, to, actor).anomalies().stream()
                .filter(a -> a.key().equals(key)).findFirst()
                .orElseThrow(() -> new NotFoundException("Anomaly", key));

        String description = messages.getMessage("metering.anomalyOrder.description." + anomaly.kind(),
                new Object[] {anomaly.from().toString(), anomaly.to().toString(), plain(anomaly.value()),
                        plain(anomaly.expected()), customer.number()}, RECORD_LOCALE);
        String phone = customer.maskedPhone() == null || customer.maskedPhone().isBlank() ? "—" : customer.maskedPhone();
        NewWorkOrder command = new NewWorkOrder(WorkOrderType.SERVICE_APPLICATION, SubType.READING_ANOMALY, CATEGORY,
                properties.anomalyOrderChannel(), Priority.NORMAL, customer.number(), customer.name(), phone, null,
                description, null, null, null);
        String number = orders.create(command, null, actor).order().number();
        Instant now = Instant.now(clock);
        jdbc.sql("""
                insert into meter_anomaly_order (customer_number, anomaly_key, order_number, kind, day_from, day_to,
                                                 created_by, created_at)
                values (:customer, :key, :order, :kind, :from, :to, :by, :at)
                """).param("customer", customer.number()).param("key", key).param("order", number)
                .param("kind", anomaly.kind()).param("from", java.sql.Date.valueOf(anomaly.from()))
                .param("to", java.sql.Date.valueOf(anomaly.to())).param("by", actor.username())
                .param("at", Timestamp.from(now)).update();
        audit.record("METER_ANOMALY_ORDER_RAISED", ENTITY, customer.number() + "/" + key,
                "%s %s–%s → work order %s".formatted(anomaly.kind(), anomaly.from(), anomaly.to(), number));
        return new Raised(key, number, true);
    }

    /** The orders raised for the customer's anomalies, by anomaly key (within the caller's scope; 404 otherwise). */
    @Transactional(readOnly = true)
    public Map<String, String> ordersOf(String customerNumber, Actor actor) {
        String number = consumption.metered(customerNumber, actor).customer().number();
        return ordersOf(number);
    }

    /** The same for a customer already checked against the caller's scope. */
    Map<String, String> ordersOf(String checkedCustomerNumber) {
        Map<String, String> raised = new TreeMap<>();
        jdbc.sql("select anomaly_key, order_number from meter_anomaly_order where customer_number = :c")
                .param("c", checkedCustomerNumber)
                .query((rs, row) -> raised.put(rs.getString(1), rs.getString(2))).list();
        return raised;
    }

    private Optional<String> orderOf(String customerNumber, String key) {
        List<String> found = jdbc.sql("select order_number from meter_anomaly_order where customer_number = :c and anomaly_key = :k")
                .param("c", customerNumber).param("k", key).query(String.class).list();
        return found.stream().findFirst();
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? "—" : ConsumptionReadings.plain(value).toPlainString();
    }
}
