package io.metabackup.backup;

import io.metabackup.api.config.Permission;
import io.metabackup.security.CurrentIdentity;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Manual export: the backup file and its metadata as one zip download. */
@RestController
class SystemBackupExportController {

    private final BackupExporter exporter;

    SystemBackupExportController(BackupExporter exporter) {
        this.exporter = exporter;
    }

    @PostMapping(path = "/api/system-backup/export", produces = {"application/zip", "application/problem+json"})
    ResponseEntity<byte[]> export(@RequestBody(required = false) ExportRequest request) {
        ExportRequest body = request == null ? new ExportRequest(null, false, null) : request;
        if (Boolean.TRUE.equals(body.includeSecrets())) {
            CurrentIdentity.require(Permission.BACKUP_EXPORT_SECRETS, "Exporting secrets");
        }
        ExportedBackup backup = exporter.export(new ExportOptions(body.encryptionProfileId(),
                Boolean.TRUE.equals(body.includeSecrets()), AsOf.parse(body.asOf()), ExportOptions.MANUAL));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(BackupZip.fileName(backup)).build().toString())
                .header("X-Backup-File", backup.name().name())
                .header("X-Snapshot-Version", String.valueOf(backup.metadata().snapshotVersion()))
                .body(BackupZip.of(backup));
    }
}
