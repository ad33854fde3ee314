package io.metabackup.backup;

import io.metabackup.vault.ProfileKeys;

import io.metabackup.api.audit.AuditAction;
import io.metabackup.api.audit.AuditOutcome;
import io.metabackup.audit.AuditTrail;
import io.metabackup.query.chain.EventChain;
import io.metabackup.query.history.SettledPositions;
import io.metabackup.history.HistoryProperties;

import io.metabackup.api.backup.BackupCodec;
import io.metabackup.api.backup.BackupDocument;
import io.metabackup.api.backup.BackupFileName;
import io.metabackup.api.backup.BackupMetadata;
import io.metabackup.api.backup.SecretValues;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import io.metabackup.api.history.ConfigurationState;
import io.metabackup.api.history.PointInTime;
import io.metabackup.command.secrets.SecretSealer;
import io.metabackup.query.history.PointInTimeConfiguration;
import io.metabackup.query.history.SnapshotStore;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;

/**
 * The export pipeline: the configuration at a point of the history, recorded as a versioned snapshot, written as
 * the canonical document, compressed and encrypted (docs/backup-format.md).
 */
@Component
public class BackupExporter {

    private final AuditTrail audit;
    private final EventChain chain;
    private final SettledPositions settledPositions;
    private final HistoryProperties historyProperties;

    private final PointInTimeConfiguration history;
    private final SnapshotStore snapshots;
    private final ProfileKeys keys;
    private final SecretSealer sealer;
    private final Clock clock;

    public BackupExporter(PointInTimeConfiguration history, SnapshotStore snapshots, ProfileKeys keys,
                          SecretSealer sealer, AuditTrail audit, EventChain chain,
                          SettledPositions settledPositions, HistoryProperties historyProperties) {
        this.settledPositions = settledPositions;
        this.historyProperties = historyProperties;
        this.chain = chain;
        this.audit = audit;
        this.history = history;
        this.snapshots = snapshots;
        this.keys = keys;
        this.sealer = sealer;
        this.clock = Clock.systemUTC();
    }

    public ExportedBackup export(ExportOptions options) {
        boolean encrypted = options.encryptionProfileId() != null;
        if (options.includeSecrets() && !encrypted) {
            throw new DomainException(ErrorCode.SECRETS_REQUIRE_ENCRYPTION, "A backup that includes secrets must be "
                    + "encrypted: choose an encryption profile (encryptionProfileId) or leave includeSecrets false");
        }
        // the key is checked before anything is recorded, so a refused export leaves no snapshot behind
        byte[] key = encrypted ? keys.keyBytes(options.encryptionProfileId()) : null;
        try {
            // resolve once, then read exactly that position: a concurrent change cannot slip in between
            long position = history.resolve(options.point());
            ConfigurationState state = history.at(PointInTime.atPosition(position));
            boolean settled = position <= settledPositions.head(historyProperties.settleMargin());
            SnapshotStore.Snapshot snapshot = snapshots.save(state, position, options.trigger(), settled);
            byte[] plaintext = BackupDocument.canonical(state,
                    options.includeSecrets() ? new OpenedSecrets(sealer) : SecretValues.OMITTED);
            BackupCodec.Encoded encoded = BackupCodec.encode(plaintext, key);
            var exportedAt = clock.instant();
            BackupMetadata metadata = new BackupMetadata(BackupDocument.FORMAT_VERSION, exportedAt, state.timestamp(),
                    snapshot.version(), position, BackupDocument.entityCounts(state), options.includeSecrets(),
                    BackupMetadata.COMPRESSION_GZIP, encoded.encryption(options.encryptionProfileId()),
                    encoded.fileSha256(), encoded.plaintextSha256(), chain.chainHeadAt(position)
                    .map(head -> new BackupMetadata.ChainHead(head.position(), head.link())).orElse(null));
            ExportedBackup backup = new ExportedBackup(BackupFileName.of(exportedAt, encrypted), encoded.file(),
                    metadata.toJson(), metadata);
            audit.record(AuditAction.BACKUP_EXPORTED, AuditOutcome.SUCCESS, backup.name().name(), Map.of(
                    "includesSecrets", String.valueOf(options.includeSecrets()),
                    "encrypted", String.valueOf(encrypted),
                    "trigger", options.trigger(),
                    "snapshotVersion", String.valueOf(snapshot.version()),
                    "position", String.valueOf(position)));
            return backup;
        } finally {
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }
}
