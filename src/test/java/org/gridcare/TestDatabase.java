package org.gridcare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;

import org.gridcare.database.EmbeddedPostgresServer;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * One embedded PostgreSQL for the whole test JVM: started when the test session opens, handed to
 * every Spring context through {@code spring.datasource.url}, removed when the session closes.
 */
public class TestDatabase implements LauncherSessionListener {

    public static final String ADMIN_PASSWORD = "Test-Root-Pa55w0rd";

    private static EmbeddedPostgresServer server;
    private static Path home;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        start();
    }

    public static synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            home = Files.createTempDirectory("gridcare-test-db");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // a throwaway cluster: crash safety would only slow the suite down
        server = EmbeddedPostgresServer.start(home, 0, Duration.ofSeconds(60), false);
        System.setProperty("spring.datasource.url", server.jdbcUrl());
        System.setProperty("spring.datasource.username", server.username());
        System.setProperty("spring.datasource.password", "");
        System.setProperty("gridcare.identity.admin-password", ADMIN_PASSWORD);
        // tests never pay for the demo company; DemoSeedingTests seeds a database of its own
        System.setProperty("gridcare.demo.enabled", "false");
        System.setProperty("spring.datasource.hikari.connection-timeout", "5000");
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stopAfterSpring, "test-database-shutdown"));
    }

    /**
     * Spring's cached test contexts close in their own shutdown hook and still talk to the database
     * while they do, so PostgreSQL stops only after that hook has finished.
     */
    private static void stopAfterSpring() {
        Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("SpringApplicationShutdownHook"))
                .forEach(thread -> {
                    try {
                        thread.join(30_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        synchronized (TestDatabase.class) {
            if (server != null) {
                server.close();
                server = null;
                deleteQuietly(home);
            }
        }
    }

    public static void deleteQuietly(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
