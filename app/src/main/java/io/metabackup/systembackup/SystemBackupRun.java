package io.metabackup.systembackup;

import java.time.Instant;
import java.util.UUID;

/**
 * One run of the automated system backup, as {@code GET /api/system-backup/runs} shows it.
 *
 * @param slot             the scheduled time this run stands for; null for a manual run
 * @param retentionDeleted how many older backups retention removed after this one was stored
 * @param error            what went wrong, never holding a secret; null when all went well
 */
public record SystemBackupRun(UUID id, String trigger, Instant slot, Instant startedAt, Instant finishedAt,
                              String status, UUID destinationId, String fileName, Long size, Long snapshotVersion,
                              Integer retentionDeleted, String error) {

    public static final String SCHEDULE = "SCHEDULE";
    public static final String MANUAL = "MANUAL";
    public static final String RUNNING = "RUNNING";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
}
