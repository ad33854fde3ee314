package io.metabackup.storage;

import com.google.api.gax.paging.Page;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import io.metabackup.api.backup.BackupFileName;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Backups as objects in a Google Cloud Storage bucket, under an optional prefix. An object upload is atomic (it is
 * visible whole or not at all), the backup object is uploaded first and its metadata object last, and only backups
 * whose metadata object exists are listed: a reader never sees a partial backup as complete.
 */
public class GcsBackupStore implements BackupStore {

    private static final String METADATA_TYPE = "application/json";
    private static final String FILE_TYPE = "application/octet-stream";

    private final Storage storage;
    private final String bucket;
    private final String prefix;

    public GcsBackupStore(Storage storage, String bucket, String prefix) {
        this.storage = storage;
        this.bucket = bucket;
        this.prefix = normalize(prefix);
    }

    /** "backups", "/backups/" and "backups/" all mean the folder {@code backups/}. */
    static String normalize(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            return "";
        }
        String trimmed = prefix.strip().replaceAll("^/+", "").replaceAll("/+$", "");
        return trimmed.isEmpty() ? "" : trimmed + "/";
    }

    @Override
    public void write(BackupFileName name, byte[] file, byte[] metadata) {
        if (exists(name)) {
            throw new DomainException(ErrorCode.ALREADY_EXISTS, "A backup named " + name.name() + " already exists in "
                    + describe());
        }
        try {
            storage.create(info(name.name(), FILE_TYPE), file, Storage.BlobTargetOption.doesNotExist());
        } catch (StorageException e) {
            throw unavailable("could not be written", e);
        }
        try {
            storage.create(info(name.metaName(), METADATA_TYPE), metadata, Storage.BlobTargetOption.doesNotExist());
        } catch (StorageException e) {
            removeQuietly(name.name());
            throw unavailable("could not be written", e);
        }
    }

    /** A file without metadata is never listed; removing it only keeps the bucket tidy. */
    private void removeQuietly(String name) {
        try {
            storage.delete(BlobId.of(bucket, prefix + name));
        } catch (StorageException ignored) {
            // the orphan stays; listing and retention ignore it
        }
    }

    private BlobInfo info(String name, String contentType) {
        return BlobInfo.newBuilder(BlobId.of(bucket, prefix + name)).setContentType(contentType).build();
    }

    @Override
    public List<StoredBackup> list() {
        Map<String, Long> sizes = new HashMap<>();
        try {
            Page<Blob> page = storage.list(bucket, Storage.BlobListOption.prefix(prefix),
                    Storage.BlobListOption.currentDirectory());
            for (Blob blob : page.iterateAll()) {
                if (blob.getName().startsWith(prefix) && !blob.isDirectory()) {
                    sizes.put(blob.getName().substring(prefix.length()), blob.getSize() == null ? 0 : blob.getSize());
                }
            }
        } catch (StorageException e) {
            throw unavailable("could not be listed", e);
        }
        List<StoredBackup> backups = new ArrayList<>();
        sizes.forEach((entry, size) -> BackupFileName.parse(entry)
                .filter(name -> sizes.containsKey(name.metaName()))
                .ifPresent(name -> backups.add(new StoredBackup(name, size))));
        backups.sort(StoredBackupOrder.NEWEST_FIRST);
        return backups;
    }

    @Override
    public boolean exists(BackupFileName name) {
        try {
            return storage.get(BlobId.of(bucket, prefix + name.name())) != null
                    || storage.get(BlobId.of(bucket, prefix + name.metaName())) != null;
        } catch (StorageException e) {
            throw unavailable("could not be read", e);
        }
    }

    @Override
    public Optional<byte[]> readFile(BackupFileName name) {
        return read(prefix + name.name());
    }

    @Override
    public Optional<byte[]> readMetadata(BackupFileName name) {
        return read(prefix + name.metaName());
    }

    private Optional<byte[]> read(String object) {
        try {
            Blob blob = storage.get(BlobId.of(bucket, object));
            return blob == null ? Optional.empty() : Optional.of(blob.getContent());
        } catch (StorageException e) {
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            throw unavailable("could not be read", e);
        }
    }

    @Override
    public void delete(BackupFileName name) {
        try {
            storage.delete(BlobId.of(bucket, prefix + name.metaName()));
            storage.delete(BlobId.of(bucket, prefix + name.name()));
        } catch (StorageException e) {
            throw unavailable("could not delete " + name.name(), e);
        }
    }

    @Override
    public String describe() {
        return "Google Cloud Storage location gs://" + bucket + "/" + prefix;
    }

    /** Code and reason only: the service's messages are not ours to pass on. */
    private DomainException unavailable(String what, StorageException e) {
        return new DomainException(ErrorCode.DESTINATION_UNAVAILABLE, "The " + describe() + " " + what + ": HTTP "
                + e.getCode() + (e.getReason() == null ? "" : " " + e.getReason()));
    }
}
