package io.metabackup.storage;

import java.util.Comparator;

/** Newest first by the time in the name; the name breaks ties so that the order is total. */
final class StoredBackupOrder {

    static final Comparator<BackupStore.StoredBackup> NEWEST_FIRST = Comparator
            .comparing((BackupStore.StoredBackup b) -> b.name().timestamp())
            .thenComparing(b -> b.name().name())
            .reversed();

    private StoredBackupOrder() {
    }
}
