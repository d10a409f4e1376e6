package org.gridcare.shared;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;

/** The application's one transaction manager: commits carry the transaction's {@link CommitWrites end writes}. */
@Configuration(proxyBeanMethods = false)
class TransactionConfiguration {

    /** In place of Spring Boot's, with the same customisations ({@code spring.transaction.*}). */
    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource, CommitWrites endWrites,
                                              ObjectProvider<TransactionManagerCustomizers> customizers) {
        JdbcTransactionManager manager = new CommitWritesTransactionManager(dataSource, endWrites);
        customizers.ifAvailable(customizer -> customizer.customize(manager));
        return manager;
    }
}
