package io.metabackup.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The download of a manual export: one zip with the backup file and its {@code .meta.json}. */
final class BackupZip {

    private BackupZip() {
    }

    static byte[] of(ExportedBackup backup) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(backup.file().length + 4096);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, backup.name().name(), backup.file(), backup);
            entry(zip, backup.name().metaName(), backup.metadataJson(), backup);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content, ExportedBackup backup)
            throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(backup.metadata().exportedAt().toEpochMilli());
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    static String fileName(ExportedBackup backup) {
        return backup.name().name().replaceFirst("\\.json\\.gz(\\.enc)?$", "") + ".zip";
    }
}
