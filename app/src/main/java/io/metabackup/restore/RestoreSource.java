package io.metabackup.restore;

import java.util.UUID;

/** Where the backup being restored came from, as the restore record names it. */
public record RestoreSource(String kind, UUID destinationId, String fileName, String fileSha256) {

    public static RestoreSource upload(String fileName, String fileSha256) {
        return new RestoreSource("UPLOAD", null, fileName, fileSha256);
    }

    public static RestoreSource destination(UUID destinationId, String fileName, String fileSha256) {
        return new RestoreSource("DESTINATION", destinationId, fileName, fileSha256);
    }
}
