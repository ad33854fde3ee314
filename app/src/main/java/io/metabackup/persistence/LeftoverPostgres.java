package io.metabackup.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A JVM killed without a chance to stop its embedded PostgreSQL leaves the server running and holding
 * {@code postmaster.pid}, so the next start would fail. This stops such a server, but only after making sure
 * that no living Metabackup still owns the directory and that the process really is that directory's PostgreSQL.
 */
final class LeftoverPostgres {

    /** The library's own lock file: held by every running instance, released by the OS when a JVM dies. */
    private static final String OWNER_LOCK = "epg-lock";
    private static final Logger log = LoggerFactory.getLogger(LeftoverPostgres.class);

    private LeftoverPostgres() {
    }

    static void stopIfPresent(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        requireNoLivingOwner(dataDirectory);
        Optional<ProcessHandle> leftover = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(process -> isPostgresOf(process, dataDirectory));
        if (leftover.isEmpty()) {
            return; // a stale pid file: PostgreSQL removes it itself
        }
        ProcessHandle process = leftover.get();
        log.warn("A PostgreSQL (pid {}) left running by an earlier Metabackup that did not stop cleanly holds {}; "
                + "stopping it before starting again", process.pid(), dataDirectory);
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("The leftover PostgreSQL did not stop within 30 s; killing it");
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    private static void requireNoLivingOwner(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve(OWNER_LOCK);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("Another running Metabackup uses " + dataDirectory
                        + "; stop it first or set metabackup.data-dir to another directory");
            }
        }
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        try {
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgresOf(ProcessHandle process, Path dataDirectory) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command().map(command -> command.endsWith("/postgres")).orElse(false);
        boolean ownsDirectory = info.arguments()
                .map(args -> Arrays.asList(args).contains(dataDirectory.toString()))
                .orElse(false);
        return postgres && ownsDirectory;
    }
}
