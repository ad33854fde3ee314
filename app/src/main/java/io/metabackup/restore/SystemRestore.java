package io.metabackup.restore;

import io.metabackup.api.audit.AuditAction;
import io.metabackup.api.audit.AuditOutcome;
import io.metabackup.api.backup.BackupCodec;
import io.metabackup.api.backup.BackupFileName;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import io.metabackup.audit.AuditTrail;
import io.metabackup.storage.BackupStore;
import io.metabackup.storage.BackupStores;
import org.springframework.stereotype.Service;

import java.util.Map;
import java.util.UUID;

/** A restore from a storage destination (online) or from an upload (offline), planned or applied. */
@Service
public class SystemRestore {

    private final BackupStores stores;
    private final BackupDecoder decoder;
    private final RestoreExecutor executor;
    private final AuditTrail audit;
    private final long maxDocumentBytes;

    SystemRestore(BackupStores stores, BackupDecoder decoder, RestoreExecutor executor, AuditTrail audit,
                  RestoreProperties properties) {
        this.maxDocumentBytes = properties.maxDocumentSize().toBytes();
        this.stores = stores;
        this.decoder = decoder;
        this.executor = executor;
        this.audit = audit;
    }

    public RestoreReport fromDestination(UUID destinationId, String fileName, KeyChoice key, RestoreOptions options) {
        BackupFileName name = BackupFileName.parse(fileName == null ? "" : fileName).orElseThrow(() ->
                new DomainException(ErrorCode.VALIDATION_FAILED, "fileName must name a system backup "
                        + "(config_backup_<time>.json.gz[.enc])"));
        BackupStore store = stores.forDestination(destinationId);
        byte[] file = store.readFile(name).orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND,
                "No backup " + name.name() + " in the destination"));
        byte[] metadata = store.readMetadata(name).orElse(null);
        BackupUpload backup = new BackupUpload(name.name(), file, metadata);
        return restore(backup, key, options, RestoreSource.destination(destinationId, name.name(),
                BackupCodec.sha256(file)));
    }

    public RestoreReport fromUpload(String fileName, byte[] file, byte[] metadata, KeyChoice key,
                                    RestoreOptions options) {
        BackupUpload backup = BackupUpload.of(fileName, file, metadata, maxDocumentBytes);
        return restore(backup, key, options, RestoreSource.upload(backup.fileName(), BackupCodec.sha256(backup.file())));
    }

    private RestoreReport restore(BackupUpload backup, KeyChoice key, RestoreOptions options, RestoreSource source) {
        RestoreReport report = executor.restore(decoder.open(backup, key.key(), key.profileId()), options, source);
        if (report.applied()) {
            audit.record(AuditAction.BACKUP_RESTORED, AuditOutcome.SUCCESS, report.restoreId().toString(), Map.of(
                    "source", source.kind(), "file", String.valueOf(source.fileName()),
                    "fileSha256", source.fileSha256(), "mode", options.mode().name(),
                    "sections", String.join(",", report.sections()), "counts", report.counts().toString()));
        }
        return report;
    }

    /** How the caller asks for the key: a 64-hex key, a vault profile, or neither (then the metadata decides). */
    public record KeyChoice(String key, UUID profileId) {
        @Override
        public String toString() {
            return "KeyChoice[key=" + (key == null ? "none" : "****") + ", profileId=" + profileId + "]";
        }
    }
}
