package org.gridcare;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@GridCareTest
class ApplicationTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyModuleMigrationAppliedOnTheEmbeddedPostgres() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).contains("PostgreSQL 17");
        for (String module : new String[] {"audit", "organisation", "identity"}) {
            Long failed = jdbc.sql("select count(*) from flyway_schema_history_" + module + " where not success")
                    .query(Long.class).single();
            Long applied = jdbc.sql("select count(*) from flyway_schema_history_" + module + " where success and version <> '0'")
                    .query(Long.class).single();
            assertThat(failed).as(module).isZero();
            assertThat(applied).as(module).isPositive();
        }
    }

    @Test
    void emptyDatabaseGetsAnAdministratorInTheRootUnit() {
        var admin = jdbc.sql("select roles::text from app_user where username = 'admin'").query(String.class).single();
        assertThat(admin).contains("ADMIN");
        assertThat(jdbc.sql("select count(*) from org_unit where parent_id is null").query(Long.class).single())
                .isEqualTo(1L);
    }
}
