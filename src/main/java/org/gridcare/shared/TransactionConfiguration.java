package org.gridcare.shared;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;

/** The application's one transaction manager: commits carry the transaction's {@link CommitWrites end writes}. */
@Configuration(proxyBeanMethods = false)
class TransactionConfiguration {

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource, CommitWrites endWrites) {
        return new CommitWritesTransactionManager(dataSource, endWrites);
    }
}
