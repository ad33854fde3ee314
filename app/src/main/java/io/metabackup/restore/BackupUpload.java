package io.metabackup.restore;

import io.metabackup.api.backup.BackupFileName;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A backup as it is to be restored: the file, its metadata when there is one, and where it came from. An upload may
 * be the zip of a manual export, which holds both.
 */
record BackupUpload(String fileName, byte[] file, byte[] metadata) {

    private static final int MAX_METADATA_BYTES = 1 << 20;

    /** @param maxBytes the most a backup file in a zip may take once inflated */
    static BackupUpload of(String fileName, byte[] file, byte[] metadata, long maxBytes) {
        return isZip(file) ? fromZip(file, maxBytes) : new BackupUpload(fileName, file, metadata);
    }

    private static boolean isZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    private static BackupUpload fromZip(byte[] zip, long maxBytes) {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                boolean backup = BackupFileName.parse(name).isPresent();
                if (backup || name.endsWith(BackupFileName.META_SUFFIX)) {
                    long limit = backup ? maxBytes : MAX_METADATA_BYTES;
                    byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
                    if (content.length > limit || entries.put(name, content) != null) {
                        throw new DomainException(content.length > limit ? ErrorCode.TOO_LARGE : ErrorCode.CORRUPT_BACKUP,
                                "The zip entry " + name + (content.length > limit ? " is larger than the configured "
                                        + "maximum" : " appears twice"));
                    }
                }
            }
        } catch (IOException e) {
            throw new DomainException(ErrorCode.CORRUPT_BACKUP, "The uploaded zip cannot be read");
        }
        String backup = entries.keySet().stream().filter(n -> BackupFileName.parse(n).isPresent()).findFirst()
                .orElseThrow(() -> new DomainException(ErrorCode.CORRUPT_BACKUP,
                        "The zip holds no system backup (config_backup_<time>.json.gz[.enc])"));
        return new BackupUpload(backup, entries.get(backup), entries.get(BackupFileName.metaNameOf(backup)));
    }
}
