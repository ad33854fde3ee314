package io.metabackup.api.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The {@code .meta.json} beside a backup file (docs/backup-format.md): what decrypting needs (IV, tag, profile), what
 * verifying needs (SHA-256 of the stored file and of the plaintext) and where the backup comes from.
 *
 * @param formatVersion   the version of the document inside ({@link BackupDocument#FORMAT_VERSION})
 * @param exportedAt      when the file was written (the document's own {@code timestamp} is the state's time)
 * @param timestamp       the time of the last configuration event the document covers; null for an empty history
 * @param snapshotVersion the versioned snapshot the export recorded; null when unknown
 * @param position        the event-stream position the document covers
 * @param entityCounts    entities per document key (settings excluded)
 * @param fileSha256      hex SHA-256 of the stored file, exactly as written
 * @param plaintextSha256 hex SHA-256 of the canonical JSON document
 * @param chainHead       the last link of the event-stream hash chain at or before {@code position} (null when the
 *                        chain had not reached any event yet): a copy kept elsewhere anchors the history
 */
public record BackupMetadata(String formatVersion,
                             Instant exportedAt,
                             Instant timestamp,
                             Long snapshotVersion,
                             long position,
                             Map<String, Integer> entityCounts,
                             boolean includesSecrets,
                             String compression,
                             Encryption encryption,
                             String fileSha256,
                             String plaintextSha256,
                             ChainHead chainHead) {

    public static final String COMPRESSION_GZIP = "GZIP";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public BackupMetadata {
        entityCounts = entityCounts == null ? Map.of() : new TreeMap<>(entityCounts);
    }

    /** @param link hex SHA-256 link of the event at {@code position} (see docs/history.md) */
    public record ChainHead(long position, String link) {
    }

    /**
     * @param iv      hex of the 12-byte GCM nonce
     * @param authTag hex of the 16-byte GCM tag (not part of the file)
     */
    public record Encryption(boolean enabled, UUID profileId, String algorithm, String iv, String authTag) {

        public static final String AES_256_GCM = "aes-256-gcm";

        public static Encryption none() {
            return new Encryption(false, null, null, null, null);
        }
    }

    public boolean encrypted() {
        return encryption.enabled();
    }

    public byte[] toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", formatVersion);
        root.put("exportedAt", exportedAt.toString());
        root.put("timestamp", timestamp == null ? null : timestamp.toString());
        if (snapshotVersion == null) {
            root.putNull("snapshotVersion");
        } else {
            root.put("snapshotVersion", snapshotVersion);
        }
        root.put("position", position);
        ObjectNode counts = root.putObject("entityCounts");
        entityCounts.forEach(counts::put);
        ObjectNode enc = root.putObject("encryption");
        enc.put("enabled", encryption.enabled());
        if (encryption.enabled()) {
            enc.put("profileId", encryption.profileId() == null ? null : encryption.profileId().toString());
            enc.put("algorithm", encryption.algorithm());
            enc.put("iv", encryption.iv());
            enc.put("authTag", encryption.authTag());
        }
        root.put("compression", compression);
        root.put("includesSecrets", includesSecrets);
        root.put("fileSha256", fileSha256);
        root.put("plaintextSha256", plaintextSha256);
        if (chainHead == null) {
            root.putNull("chainHead");
        } else {
            root.putObject("chainHead").put("position", chainHead.position()).put("link", chainHead.link());
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write backup metadata", e);
        }
    }

    /** Reads a {@code .meta.json}; anything unreadable or incomplete is {@link ErrorCode#CORRUPT_BACKUP}. */
    public static BackupMetadata parse(byte[] json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw corrupt("is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw corrupt("is not a JSON object");
        }
        String formatVersion = text(root, "formatVersion", true);
        if (!BackupDocument.isSupportedVersion(formatVersion)) {
            throw new DomainException(ErrorCode.UNSUPPORTED_VERSION, "The backup has format version " + formatVersion
                    + "; this build reads " + BackupDocument.FORMAT_VERSION + " (and other 1.x versions)");
        }
        JsonNode enc = root.path("encryption");
        if (!enc.isObject() || !enc.path("enabled").isBoolean()) {
            throw corrupt("has no encryption.enabled");
        }
        Encryption encryption = enc.path("enabled").booleanValue()
                ? new Encryption(true, uuid(text(enc, "profileId", false)), text(enc, "algorithm", true),
                text(enc, "iv", true), text(enc, "authTag", true))
                : Encryption.none();
        Map<String, Integer> counts = new TreeMap<>();
        root.path("entityCounts").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
        JsonNode snapshot = root.path("snapshotVersion");
        if (!root.path("position").canConvertToLong() || !root.path("includesSecrets").isBoolean()) {
            throw corrupt("has no valid position or includesSecrets");
        }
        return new BackupMetadata(formatVersion, instant(text(root, "exportedAt", true)),
                instant(text(root, "timestamp", false)), snapshot.canConvertToLong() ? snapshot.longValue() : null,
                root.path("position").longValue(), counts, root.path("includesSecrets").booleanValue(),
                text(root, "compression", true), encryption, text(root, "fileSha256", true),
                text(root, "plaintextSha256", true), chainHead(root.path("chainHead")));
    }

    private static ChainHead chainHead(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        if (!node.path("position").canConvertToLong() || !node.path("link").isTextual()) {
            throw corrupt("has a chainHead without position and link");
        }
        return new ChainHead(node.path("position").longValue(), node.path("link").textValue());
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw corrupt("has no \"" + field + "\"");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw corrupt("has a \"" + field + "\" that is not a string");
        }
        return value.textValue();
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw corrupt("has a time that is not ISO-8601");
        }
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw corrupt("has an encryption.profileId that is not a UUID");
        }
    }

    private static DomainException corrupt(String problem) {
        return new DomainException(ErrorCode.CORRUPT_BACKUP, "The backup metadata " + problem);
    }
}
