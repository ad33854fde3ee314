package io.metabackup.systembackup;

import io.metabackup.api.config.Permission;
import io.metabackup.security.CurrentIdentity;

import io.metabackup.api.backup.BackupFileName;
import io.metabackup.api.config.SettingsState;
import io.metabackup.api.config.SystemBackupSettings;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import io.metabackup.api.history.PointInTime;
import io.metabackup.backup.BackupExporter;
import io.metabackup.backup.ExportOptions;
import io.metabackup.backup.ExportedBackup;
import io.metabackup.query.config.CurrentConfiguration;
import io.metabackup.storage.BackupStore;
import io.metabackup.storage.BackupStores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * One automated system backup run, as the settings describe it: export the current configuration, store it in the
 * destination, then apply retention. Every run is recorded; a failed run deletes nothing, is counted, logged
 * (without secrets) and sent to the failure webhooks.
 */
@Component
public class SystemBackupRunner {

    private static final Logger log = LoggerFactory.getLogger(SystemBackupRunner.class);

    private final CurrentConfiguration configuration;
    private final SystemBackupRuns runs;
    private final BackupExporter exporter;
    private final BackupStores stores;
    private final Retention retention;
    private final FailureWebhooks webhooks;
    private final RunMetrics metrics;

    SystemBackupRunner(CurrentConfiguration configuration, SystemBackupRuns runs, BackupExporter exporter,
                       BackupStores stores, Retention retention, FailureWebhooks webhooks, RunMetrics metrics) {
        this.configuration = configuration;
        this.runs = runs;
        this.exporter = exporter;
        this.stores = stores;
        this.retention = retention;
        this.webhooks = webhooks;
        this.metrics = metrics;
    }

    /** {@code POST /api/system-backup/run}: a run now, whether or not the schedule is enabled. */
    public SystemBackupRun runNow() {
        SystemBackupSettings settings = settings();
        if (settings.destinationId() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    "No destination for system backups: set systemBackup.destinationId in the settings first");
        }
        if (settings.includeSecrets()) {
            CurrentIdentity.require(Permission.BACKUP_EXPORT_SECRETS, "A run of a system backup that includes secrets");
        }
        return execute(runs.startManual(settings.destinationId()), settings);
    }

    /**
     * The run of a scheduled slot, unless another instance already claimed it (then empty). The settings are read
     * again here, so a run never uses a destination or key that was changed since it was scheduled.
     */
    public Optional<SystemBackupRun> runSlot(Instant slot) {
        SystemBackupSettings settings = settings();
        if (!settings.enabled() || settings.destinationId() == null) {
            return Optional.empty();
        }
        return runs.claim(slot, settings.destinationId()).map(run -> execute(run, settings));
    }

    private SystemBackupRun execute(SystemBackupRun run, SystemBackupSettings settings) {
        String fileName = null;
        SystemBackupRun finished;
        try {
            BackupStore store = stores.forDestination(settings.destinationId());
            ExportedBackup backup = exporter.export(new ExportOptions(settings.encryptionProfileId(),
                    settings.includeSecrets(), PointInTime.latest(), run.trigger()));
            backup = withFreeName(store, backup);
            fileName = backup.name().name();
            store.write(backup.name(), backup.file(), backup.metadataJson());
            int deleted = 0;
            String warning = null;
            try {
                deleted = retention.apply(store, settings.retention(), backup.name());
            } catch (RuntimeException e) {
                // the backup itself is stored: the run succeeded, the next run retries the clean-up
                warning = "Stored, but retention failed: " + describe(e);
                log.warn("System backup run {}: {}", run.id(), warning);
            }
            finished = runs.succeeded(run.id(), fileName, backup.file().length, backup.metadata().snapshotVersion(),
                    deleted, warning);
            log.info("System backup run {} ({}) stored {} ({} bytes) in the {}", run.id(), run.trigger(), fileName,
                    backup.file().length, store.describe());
        } catch (RuntimeException e) {
            finished = runs.failed(run.id(), fileName, describe(e));
            if (e instanceof DomainException) {
                log.warn("System backup run {} ({}) failed: {}", run.id(), run.trigger(), finished.error());
            } else {
                log.error("System backup run {} ({}) failed", run.id(), run.trigger(), e);
            }
            webhooks.notifyFailure(finished);
        }
        metrics.finished(finished);
        return finished;
    }

    /**
     * Names order backups (retention keeps the newest names), so a new name must come after every backup already in
     * the destination, and must never reuse a name, not even one retention freed: two runs within one second take
     * consecutive seconds.
     */
    private static ExportedBackup withFreeName(BackupStore store, ExportedBackup backup) {
        BackupFileName name = backup.name();
        for (BackupStore.StoredBackup stored : store.list()) {
            if (!stored.name().timestamp().isBefore(name.timestamp())) {
                name = BackupFileName.of(stored.name().timestamp(), name.encrypted()).nextSecond();
            }
        }
        while (store.exists(name)) {
            name = name.nextSecond();
        }
        return backup.renamed(name);
    }

    /** Domain messages are written to be shown; anything else is named by its type only. */
    private static String describe(RuntimeException e) {
        return e instanceof DomainException domain ? domain.getMessage()
                : "Unexpected error (" + e.getClass().getSimpleName() + "); see the log";
    }

    private SystemBackupSettings settings() {
        return ((SettingsState) configuration.settings().state()).systemBackup();
    }
}
