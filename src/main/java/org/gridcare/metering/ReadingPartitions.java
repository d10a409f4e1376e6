package org.gridcare.metering;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

import org.gridcare.shared.BusinessTime;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly partitions of the reading tables: the current month and {@code months-ahead} after it are
 * made at start and daily, and an import makes the months its file needs. Each month is made in a short
 * transaction of its own (creating a partition locks the partitioned table briefly).
 */
@Component
class ReadingPartitions {

    private final JdbcClient jdbc;
    private final TransactionTemplate separately;
    private final MeteringProperties properties;
    private final Clock clock;
    private final Set<LocalDate> known = ConcurrentHashMap.newKeySet();

    ReadingPartitions(JdbcClient jdbc, PlatformTransactionManager transactions, MeteringProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "0 17 3 * * *", zone = "Asia/Shanghai")
    void ahead() {
        LocalDate month = LocalDate.ofInstant(clock.instant(), BusinessTime.ZONE).withDayOfMonth(1);
        TreeSet<LocalDate> months = new TreeSet<>();
        for (int i = 0; i <= properties.monthsAhead(); i++) {
            months.add(month.plusMonths(i));
        }
        ensure(months);
    }

    /** Makes the partitions of these months (first days) where they are missing. */
    void ensure(Collection<LocalDate> months) {
        for (LocalDate month : new TreeSet<>(months)) {
            LocalDate first = month.withDayOfMonth(1);
            if (known.contains(first)) {
                continue;
            }
            separately.executeWithoutResult(s -> jdbc.sql("select metering_ensure_month(:month)")
                    .param("month", java.sql.Date.valueOf(first)).query(Object.class).list());
            known.add(first);
        }
    }
}
