package io.metabackup.storage;

import io.metabackup.api.backup.BackupMetadata;
import io.metabackup.api.error.DomainException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The system backups found in a storage destination, newest first; other files there are not shown. */
@RestController
class DestinationBackupsController {

    private final BackupStores stores;

    DestinationBackupsController(BackupStores stores) {
        this.stores = stores;
    }

    @GetMapping("/api/system-backup/destinations/{id}/backups")
    List<BackupListing> list(@PathVariable UUID id) {
        BackupStore store = stores.forDestination(id);
        return store.list().stream().map(backup -> listing(store, backup)).toList();
    }

    private static BackupListing listing(BackupStore store, BackupStore.StoredBackup backup) {
        String name = backup.name().name();
        try {
            BackupMetadata meta = BackupMetadata.parse(store.readMetadata(backup.name()).orElseThrow());
            return new BackupListing(name, backup.name().metaName(), backup.size(), meta.exportedAt(),
                    meta.encrypted(), meta.encryption().profileId(), meta.includesSecrets(), meta.snapshotVersion(),
                    meta.position(), meta.timestamp(), null);
        } catch (DomainException | java.util.NoSuchElementException e) {
            // listed, so that the admin sees it, but flagged: restore would refuse it
            return new BackupListing(name, backup.name().metaName(), backup.size(), backup.name().timestamp(),
                    backup.name().encrypted(), null, null, null, null, null,
                    e instanceof DomainException d ? d.getMessage() : "The metadata disappeared while listing");
        }
    }

    /**
     * One backup in a destination.
     *
     * @param created       when it was exported
     * @param timestamp     the time of the configuration state it holds
     * @param metadataError why its metadata cannot be read; null when it can
     */
    record BackupListing(String name, String metadataName, long size, Instant created, boolean encrypted,
                         UUID encryptionProfileId, Boolean includesSecrets, Long snapshotVersion, Long position,
                         Instant timestamp, String metadataError) {
    }
}
