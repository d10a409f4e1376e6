package org.gridcare.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL 17 server whose data directory survives restarts.
 *
 * <p>The home directory is locked for the life of the server so that a second GridCare on the same
 * home refuses to start with a clear message instead of corrupting the data.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    static final String DATABASE = "gridcare";

    private final EmbeddedPostgres postgres;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, FileChannel lockChannel, FileLock lock) {
        this.postgres = postgres;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Starts PostgreSQL on {@code home/pgdata}, creating the cluster and the {@code gridcare} database when new. */
    public static EmbeddedPostgresServer start(Path home, int port, java.time.Duration startupWait) {
        return start(home, port, startupWait, true);
    }

    /**
     * As {@link #start(Path, int, java.time.Duration)}; {@code durable = false} is for throwaway test clusters only.
     *
     * <p>The embedded driver's defaults are made for tests ({@code fsync = off}, {@code synchronous_commit = off}):
     * a crash could then lose committed work orders or corrupt the cluster. GridCare's own database keeps both
     * on; concurrent commits share a WAL flush (group commit), so durability costs latency, not throughput.
     */
    public static EmbeddedPostgresServer start(Path home, int port, java.time.Duration startupWait, boolean durable) {
        return start(home, port, startupWait, durable, java.util.Map.of());
    }

    /**
     * As {@link #start(Path, int, java.time.Duration, boolean)}, with PostgreSQL settings that replace or add to the
     * built-in ones; a dash in a name stands for an underscore ({@code shared-buffers} is {@code shared_buffers}).
     */
    public static EmbeddedPostgresServer start(Path home, int port, java.time.Duration startupWait, boolean durable,
                                               java.util.Map<String, String> settings) {
        try {
            Files.createDirectories(home);
            Path lockFile = home.resolve("gridcare.lock");
            FileChannel channel = FileChannel.open(lockFile, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new HomeDirectoryInUseException(home.toAbsolutePath());
            }
            channel.truncate(0).write(java.nio.ByteBuffer.wrap(
                    String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));

            Path dataDirectory = home.resolve("pgdata").toAbsolutePath();
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(startupWait)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off")
                    // a checkpoint every 15 minutes rather than 5: the first change of a page after a checkpoint
                    // writes the whole page to the WAL, and an intake touches a dozen index pages spread over the
                    // order table's indexes (measured: 1.3 full pages per order at 5 minutes). Crash recovery
                    // replays at most that much WAL.
                    .setServerConfig("checkpoint_timeout", "15min")
                    .setServerConfig("max_wal_size", "4GB")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setLocaleConfig("encoding", "UTF8");
            settings.forEach((name, value) -> builder.setServerConfig(name.replace('-', '_'), value));
            if (port > 0) {
                builder.setPort(port);
            }
            log.info("Starting embedded PostgreSQL in {}", dataDirectory);
            EmbeddedPostgres postgres = builder.start();
            var server = new EmbeddedPostgresServer(postgres, channel, lock);
            server.createDatabaseIfMissing();
            log.info("Embedded PostgreSQL is listening on port {}", postgres.getPort());
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + home.toAbsolutePath()
                    + ": " + e.getMessage(), e);
        }
    }

    private void createDatabaseIfMissing() {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            try (var rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("create database " + DATABASE);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not create the database '" + DATABASE + "'", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public String username() {
        return "postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            log.info("Stopping embedded PostgreSQL");
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        } finally {
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException e) {
                log.debug("Could not release the home directory lock", e);
            }
        }
    }

    /** Another process holds the home directory. */
    public static final class HomeDirectoryInUseException extends IllegalStateException {
        HomeDirectoryInUseException(Path home) {
            super("GridCare's home directory " + home + " is in use by another running GridCare. "
                    + "Stop that instance, or set GRIDCARE_HOME to another directory.");
        }
    }
}
