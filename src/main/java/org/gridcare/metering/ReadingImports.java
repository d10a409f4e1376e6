package org.gridcare.metering;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.gridcare.audit.AuditTrail;
import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.PageResult;
import org.gridcare.shared.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Accepting reading files and running their imports in the background: the upload is stored in a work
 * directory and recorded as a QUEUED import (audited), then a bounded executor runs it. The state lives
 * in {@code meter_import}, so any session sees the progress; an import whose instance stopped
 * reporting (a restart, a crash) is marked FAILED ({@code INTERRUPTED}) by the sweeper.
 */
@Service
class ReadingImports {

    private static final Logger log = LoggerFactory.getLogger(ReadingImports.class);

    private final ImportRepository imports;
    private final ReadingImportJob job;
    private final OrgUnits units;
    private final AuditTrail audit;
    private final MeteringProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ThreadPoolExecutor executor;
    private final Path workDirectory;
    private final String instanceId = UUID.randomUUID().toString();
    private final Set<Long> mine = ConcurrentHashMap.newKeySet();

    ReadingImports(ImportRepository imports, ReadingImportJob job, OrgUnits units, AuditTrail audit,
                   MeteringProperties properties, Clock clock, PlatformTransactionManager transactions) throws IOException {
        this.imports = imports;
        this.job = job;
        this.units = units;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.executor = new ThreadPoolExecutor(properties.importThreads(), properties.importThreads(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, properties.importQueue())), r -> {
                    Thread thread = new Thread(r, "meter-import");
                    thread.setDaemon(true);
                    return thread;
                });
        this.workDirectory = Files.createTempDirectory("gridcare-meter-import-");
    }

    /** Stores the upload and queues its import; returns the import id. */
    long submit(MultipartFile file, String kindName, Actor actor) {
        ReadingKind kind = ReadingKind.parse(kindName);
        if (file == null || file.isEmpty()) {
            throw InvalidInputException.of("file", "metering.validation.file.required");
        }
        if (kind == null) {
            throw InvalidInputException.of("kind", "metering.validation.kind.invalid", String.valueOf(kindName));
        }
        if (file.getSize() > properties.uploadMaxSize().toBytes()) {
            throw InvalidInputException.of("file", "metering.validation.file.tooLarge",
                    properties.uploadMaxSize().toMegabytes());
        }
        try (InputStream input = file.getInputStream()) {
            return submit(input, fileName(file.getOriginalFilename()), kind, actor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Queues the import of a stream (an upload, or a file on the server for the benchmark). */
    long submit(InputStream input, String fileName, ReadingKind kind, Actor actor) throws IOException {
        Path stored = Files.createTempFile(workDirectory, "import-", ".csv");
        long id = record(input, stored, fileName, kind, actor);
        DataScope scope = units.scopeOf(actor);
        mine.add(id);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        try {
            executor.execute(() -> {
                SecurityContextHolder.setContext(context);
                try {
                    job.run(id, kind, stored, scope);
                } finally {
                    SecurityContextHolder.clearContext();
                    mine.remove(id);
                    delete(stored);
                }
            });
        } catch (RejectedExecutionException e) {
            mine.remove(id);
            delete(stored);
            tx.executeWithoutResult(s -> {
                imports.failed(id, "BUSY", now());
                audit.record("METER_READINGS_IMPORT_FAILED", ReadingImportJob.ENTITY, String.valueOf(id), "BUSY");
            });
            throw new ConflictException("metering.error.busy", properties.importQueue());
        }
        return id;
    }

    /**
     * Imports a stream in the calling thread (the demo seeder's readings): the same job, checks and report as an
     * upload, recorded as an import; returns the finished import.
     */
    ImportView importNow(InputStream input, String fileName, ReadingKind kind, Actor actor) throws IOException {
        Path stored = Files.createTempFile(workDirectory, "import-", ".csv");
        try {
            long id = record(input, stored, fileName, kind, actor);
            mine.add(id);
            try {
                job.run(id, kind, stored, units.scopeOf(actor));
            } finally {
                mine.remove(id);
            }
            return imports.find(id).orElseThrow();
        } finally {
            delete(stored);
        }
    }

    /** Copies the stream to {@code stored} (hashing it on the way) and records the requested import, audited. */
    private long record(InputStream input, Path stored, String fileName, ReadingKind kind, Actor actor) throws IOException {
        String sha256;
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (DigestInputStream in = new DigestInputStream(input, digest)) {
                Files.copy(in, stored, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            sha256 = HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long size = Files.size(stored);
        return tx.execute(s -> {
            long created = imports.create(kind, fileName, size, sha256, actor.username(), actor.unitId(), instanceId, now());
            audit.record("METER_READINGS_IMPORT_REQUESTED", ReadingImportJob.ENTITY, String.valueOf(created),
                    "%s %s (%d bytes, sha256 %s)".formatted(kind, fileName, size, sha256));
            return created;
        });
    }

    /** The import, if the caller's scope covers the unit of the user who started it. */
    ImportView get(long id, Actor actor) {
        DataScope scope = units.scopeOf(actor);
        return imports.find(id).filter(found -> scope.includes(found.unitId()))
                .orElseThrow(() -> new NotFoundException(ReadingImportJob.ENTITY, String.valueOf(id)));
    }

    PageResult<ImportView> recent(PageQuery page, Actor actor) {
        DataScope scope = units.scopeOf(actor);
        return new PageResult<>(imports.recent(scope, (int) page.offset(), page.size()), page.page(), page.size(),
                imports.count(scope));
    }

    List<RowProblem> problems(long id, int offset, int limit) {
        return imports.problems(id, offset, limit);
    }

    long problemCount(long id) {
        return imports.problemCount(id);
    }

    java.util.Optional<Long> earlierDone(ImportView view, String sha256) {
        return imports.earlierDone(view.id(), view.kind(), sha256);
    }

    /** Keeps this instance's open imports alive and fails those whose instance stopped reporting. */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "15s", initialDelayString = "15s")
    void sweep() {
        Instant now = now();
        tx.executeWithoutResult(s -> {
            imports.heartbeat(mine, now);
            for (long id : imports.failStale(now.minus(properties.staleAfter()), now)) {
                log.warn("Reading import {} was interrupted (its instance stopped) and is marked FAILED", id);
                audit.record("METER_READINGS_IMPORT_FAILED", ReadingImportJob.ENTITY, String.valueOf(id), "INTERRUPTED");
            }
        });
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private static String fileName(String original) {
        String name = original == null || original.isBlank() ? "readings.csv" : Path.of(original.replace('\\', '/'))
                .getFileName().toString();
        return name.length() <= 255 ? name : name.substring(name.length() - 255);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the import file {}", file, e);
        }
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
