package org.gridcare.database;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL that GridCare starts when {@code spring.datasource.url} is empty.
 *
 * @param home      GridCare's home directory; the database lives in {@code home/pgdata}
 * @param port      the port PostgreSQL listens on (0 picks a free one)
 * @param startupWait how long to wait for PostgreSQL to accept connections
 * @param settings  PostgreSQL settings that replace or add to the built-in ones, e.g.
 *                  {@code gridcare.database.settings.shared-buffers=4GB} (a dash stands for an underscore)
 */
@ConfigurationProperties("gridcare.database")
record DatabaseProperties(
        @DefaultValue("./data") Path home,
        @DefaultValue("0") int port,
        @DefaultValue("60s") Duration startupWait,
        Map<String, String> settings) {

    DatabaseProperties {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
