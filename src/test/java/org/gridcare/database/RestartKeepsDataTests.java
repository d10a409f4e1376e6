package org.gridcare.database;

import java.nio.file.Path;
import java.time.Duration;

import org.gridcare.Fixtures;
import org.gridcare.GridCare;
import org.gridcare.TestDatabase;
import org.gridcare.organisation.NewOrgUnit;
import org.gridcare.organisation.OrgUnitKind;
import org.gridcare.organisation.OrgUnits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * GridCare on its own embedded PostgreSQL, as an operator runs it: the data outlives a restart, and a
 * second instance on the same home refuses to start. Slow (two full starts), so it stays this small.
 */
class RestartKeepsDataTests {

    @TempDir
    Path home;

    @Test
    void aUnitCreatedBeforeARestartIsThereAfterItAndTheHomeCannotBeShared() {
        String code = Fixtures.unique("RESTART");

        try (ConfigurableApplicationContext first = start()) {
            first.getBean(OrgUnits.class).create(new NewOrgUnit(code, "重启前的供电所", OrgUnitKind.SUPPLY_STATION,
                    "HQ", null), Fixtures.admin());

            assertThatThrownBy(() -> EmbeddedPostgresServer.start(home, 0, Duration.ofSeconds(10)))
                    .isInstanceOf(EmbeddedPostgresServer.HomeDirectoryInUseException.class)
                    .hasMessageContaining(home.toAbsolutePath().toString());
        }

        try (ConfigurableApplicationContext second = start()) {
            assertThat(second.getBean(OrgUnits.class).findByCode(code))
                    .hasValueSatisfying(unit -> assertThat(unit.name()).isEqualTo("重启前的供电所"));
            // a setting given to GridCare reaches the server
            JdbcClient jdbc = JdbcClient.create(second.getBean(DataSource.class));
            assertThat(jdbc.sql("show work_mem").query(String.class).single()).isEqualTo("7MB");
        }
    }

    private ConfigurableApplicationContext start() {
        // the empty URL on the command line outranks the shared test database's system property
        return new SpringApplicationBuilder(GridCare.class).run("--spring.datasource.url=",
                "--gridcare.database.home=" + home, "--server.port=0",
                "--gridcare.identity.admin-password=" + TestDatabase.ADMIN_PASSWORD,
                "--gridcare.database.settings.work-mem=7MB");
    }
}
