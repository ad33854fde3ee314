package io.metabackup.systembackup;

import io.metabackup.api.backup.BackupFileName;
import io.metabackup.storage.BackupStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps the newest {@code keep} complete system backups of a destination and deletes older backup+metadata pairs.
 * Only called after a new backup was completely stored, and only if the store lists that backup: if the listing
 * does not show it, something is off and nothing is deleted. Names not of the backup pattern and backups without
 * metadata never appear in a listing, so they are never deleted.
 */
@Component
class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    /** @return how many backups were deleted */
    int apply(BackupStore store, int keep, BackupFileName justStored) {
        List<BackupStore.StoredBackup> complete = store.list();
        if (complete.stream().noneMatch(b -> b.name().equals(justStored))) {
            log.warn("Retention skipped: the new backup {} is not listed in the {}", justStored.name(),
                    store.describe());
            return 0;
        }
        List<BackupStore.StoredBackup> older = complete.stream().skip(Math.max(1, keep)).toList();
        for (BackupStore.StoredBackup backup : older) {
            store.delete(backup.name());
            log.info("Retention deleted {} from the {}", backup.name().name(), store.describe());
        }
        return older.size();
    }
}
