package io.metabackup.restore;

import io.metabackup.api.backup.BackupCodec;
import io.metabackup.api.backup.BackupDocument;
import io.metabackup.api.backup.BackupFileName;
import io.metabackup.api.backup.BackupMetadata;
import io.metabackup.api.config.EncryptionProfileState;
import io.metabackup.api.config.EntityRecord;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.crypto.HexKey;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import io.metabackup.query.config.CurrentConfiguration;
import io.metabackup.vault.ProfileKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Verifies and opens a backup for a restore. Keys are tried in a fixed order: the key sent with the request, the
 * profile named in the request, the profile named in the metadata, then every key in the vault against the file's
 * authentication tag.
 */
@Component
class BackupDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProfileKeys keys;
    private final CurrentConfiguration configuration;
    private final long maxDocumentBytes;

    BackupDecoder(ProfileKeys keys, CurrentConfiguration configuration, RestoreProperties properties) {
        this.keys = keys;
        this.configuration = configuration;
        this.maxDocumentBytes = properties.maxDocumentSize().toBytes();
    }

    /** @param key a 64-hex key sent with the request, or null; @param profileId a profile to use, or null */
    JsonNode open(BackupUpload upload, String key, UUID profileId) {
        if (upload.metadata() == null) {
            return withoutMetadata(upload);
        }
        BackupMetadata metadata = BackupMetadata.parse(upload.metadata());
        if (!metadata.encrypted()) {
            return BackupCodec.decode(upload.file(), metadata, null, maxDocumentBytes).document();
        }
        if (key != null) {
            byte[] given = HexKey.parse(key.trim()).orElseThrow(() -> new DomainException(ErrorCode.VALIDATION_FAILED,
                    "key must be 64 hexadecimal characters (32 bytes)"));
            return decode(upload, metadata, given);
        }
        if (profileId != null) {
            return decode(upload, metadata, keys.keyBytes(profileId));
        }
        UUID named = metadata.encryption().profileId();
        Optional<EntityRecord> namedProfile = named == null ? Optional.empty() : withKey(named);
        if (namedProfile.isPresent()) {
            return decode(upload, metadata, keys.keyBytes(named));
        }
        for (EntityRecord profile : configuration.list(EntityType.ENCRYPTION_PROFILE)) {
            if (!profile.secrets().containsKey(EncryptionProfileState.KEY_SECRET)) {
                continue;
            }
            try {
                return decode(upload, metadata, keys.keyBytes(profile.id()));
            } catch (DomainException e) {
                if (e.code() != ErrorCode.WRONG_KEY) {
                    throw e;
                }
            }
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("profileId", named);
        throw new DomainException(ErrorCode.KEY_REQUIRED, (named == null ? "No key in the vault opens this backup"
                : "The backup is encrypted with encryption profile " + named + ", whose key is not in the vault")
                + ": send the key, or import it with POST /api/vault/profiles/import", properties);
    }

    private Optional<EntityRecord> withKey(UUID profileId) {
        return configuration.find(EntityType.ENCRYPTION_PROFILE, profileId)
                .filter(p -> p.secrets().containsKey(EncryptionProfileState.KEY_SECRET));
    }

    private JsonNode decode(BackupUpload upload, BackupMetadata metadata, byte[] key) {
        try {
            return BackupCodec.decode(upload.file(), metadata, key, maxDocumentBytes).document();
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Only an unencrypted backup can be read without its metadata (its checksums then go unchecked). Anything that is
     * not gzip is taken for an encrypted file, whose IV and tag live in the metadata.
     */
    private JsonNode withoutMetadata(BackupUpload upload) {
        byte[] file = upload.file();
        boolean gzip = file.length > 2 && (file[0] & 0xff) == 0x1f && (file[1] & 0xff) == 0x8b;
        if (!gzip) {
            throw new DomainException(ErrorCode.META_MISSING, "The backup is encrypted, and its IV and authentication "
                    + "tag are in its metadata file: upload " + (upload.fileName() == null ? "the .meta.json"
                    : upload.fileName() + BackupFileName.META_SUFFIX) + " too");
        }
        byte[] plaintext = BackupCodec.gunzip(file, maxDocumentBytes);
        try {
            JsonNode document = JSON.readTree(plaintext);
            if (!BackupDocument.isSupportedVersion(document.path("version").asText(null))) {
                throw new DomainException(ErrorCode.UNSUPPORTED_VERSION, "Backup format version \""
                        + document.path("version").asText("") + "\" is not supported");
            }
            return document;
        } catch (IOException e) {
            throw new DomainException(ErrorCode.CORRUPT_BACKUP, "The backup is not valid JSON");
        }
    }
}
