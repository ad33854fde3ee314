package io.metabackup.backup;

import io.metabackup.api.backup.BackupFileName;
import io.metabackup.api.backup.BackupMetadata;

/** A backup file and its metadata, ready to be stored or downloaded. */
public record ExportedBackup(BackupFileName name, byte[] file, byte[] metadataJson, BackupMetadata metadata) {

    /** The same backup under another name (the name is not part of the file or the metadata). */
    public ExportedBackup renamed(BackupFileName other) {
        return new ExportedBackup(other, file, metadataJson, metadata);
    }
}
