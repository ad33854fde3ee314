package io.metabackup.systembackup;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The record of system backup runs, and the claim that makes a scheduled slot run once across instances. */
@Repository
public class SystemBackupRuns {

    private static final RowMapper<SystemBackupRun> RUN = (rs, i) -> new SystemBackupRun(
            rs.getObject("id", UUID.class), rs.getString("trigger"), instant(rs.getTimestamp("slot")),
            instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")), rs.getString("status"),
            rs.getObject("destination_id", UUID.class), rs.getString("file_name"),
            rs.getObject("size", Long.class), rs.getObject("snapshot_version", Long.class),
            rs.getObject("retention_deleted", Integer.class), rs.getString("error"));

    private final JdbcTemplate jdbc;

    public SystemBackupRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Starts the run of a scheduled slot unless some instance already did: the insert either creates the row or,
     * on the unique (trigger, slot), does nothing, atomically in PostgreSQL.
     */
    public Optional<SystemBackupRun> claim(Instant slot, UUID destinationId) {
        return jdbc.query("""
                        insert into system_backup_run (id, trigger, slot, started_at, status, destination_id)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (trigger, slot) do nothing
                        returning *""", RUN, UUID.randomUUID(), SystemBackupRun.SCHEDULE,
                utc(slot), utc(Instant.now()), SystemBackupRun.RUNNING, destinationId).stream().findFirst();
    }

    public SystemBackupRun startManual(UUID destinationId) {
        return jdbc.queryForObject("""
                        insert into system_backup_run (id, trigger, started_at, status, destination_id)
                        values (?, ?, ?, ?, ?) returning *""", RUN, UUID.randomUUID(), SystemBackupRun.MANUAL,
                utc(Instant.now()), SystemBackupRun.RUNNING, destinationId);
    }

    public SystemBackupRun succeeded(UUID id, String fileName, long size, Long snapshotVersion, int retentionDeleted,
                                     String warning) {
        return jdbc.queryForObject("""
                        update system_backup_run set status = ?, finished_at = ?, file_name = ?, size = ?,
                               snapshot_version = ?, retention_deleted = ?, error = ?
                         where id = ? returning *""", RUN, SystemBackupRun.SUCCEEDED, utc(Instant.now()), fileName,
                size, snapshotVersion, retentionDeleted, warning, id);
    }

    public SystemBackupRun failed(UUID id, String fileName, String error) {
        return jdbc.queryForObject("""
                        update system_backup_run set status = ?, finished_at = ?, file_name = ?, error = ?
                         where id = ? returning *""", RUN, SystemBackupRun.FAILED, utc(Instant.now()), fileName,
                error, id);
    }

    /** Newest first. */
    public List<SystemBackupRun> list(int offset, int limit) {
        return jdbc.query("select * from system_backup_run order by started_at desc, id offset ? limit ?", RUN,
                offset, limit);
    }

    public List<SystemBackupRun> forSlot(Instant slot) {
        return jdbc.query("select * from system_backup_run where trigger = ? and slot = ?", RUN,
                SystemBackupRun.SCHEDULE, utc(slot));
    }

    /** PostgreSQL keeps microseconds: truncating first makes a slot read back equal to the one written. */
    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
