package io.metabackup.storage;

import io.metabackup.api.backup.BackupFileName;

import java.util.List;
import java.util.Optional;

/**
 * A place system backups are kept (a STORAGE adapter). A backup counts as stored only when both its file and its
 * {@code .meta.json} are complete: implementations write the metadata last and make each object appear whole, so a
 * reader never takes a half-written backup for a complete one. Implementations only ever touch names of the backup
 * pattern ({@link BackupFileName}); everything else in the destination is left alone.
 */
public interface BackupStore {

    /** Stores a backup file, then its metadata; refuses to replace an existing backup of the same name. */
    void write(BackupFileName name, byte[] file, byte[] metadata);

    /** The complete backups (file and metadata present), newest first by the time in their names. */
    List<StoredBackup> list();

    /** Whether the name is taken by a backup file or its metadata, complete or not. */
    boolean exists(BackupFileName name);

    Optional<byte[]> readFile(BackupFileName name);

    Optional<byte[]> readMetadata(BackupFileName name);

    /** Deletes the metadata first (so the backup stops counting as complete at once), then the file. */
    void delete(BackupFileName name);

    /** Where this store writes, for messages: never holds a secret. */
    String describe();

    /** A complete backup in a store; {@code size} is that of the backup file. */
    record StoredBackup(BackupFileName name, long size) {
    }
}
