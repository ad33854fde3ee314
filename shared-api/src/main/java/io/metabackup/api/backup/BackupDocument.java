package io.metabackup.api.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.metabackup.api.config.EntityRecord;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.history.ConfigurationState;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The plaintext of a system backup (docs/backup-format.md): canonical JSON of the configuration at one point, so
 * the same point of the history always gives the same bytes.
 */
public final class BackupDocument {

    public static final String FORMAT_VERSION = "1.0";
    /** Stands for a secret that has a value but was left out; a real secret is always a string. */
    public static final String PLACEHOLDER_FIELD = "omitted";

    private BackupDocument() {
    }

    /** Readers accept every 1.x document: minor versions only add keys, which readers ignore. */
    public static boolean isSupportedVersion(String version) {
        return version != null && (version.equals(FORMAT_VERSION) || version.matches("1\\.\\d+"));
    }

    /** Entities per type by document key (settings excluded), as snapshots and backup metadata report them. */
    public static Map<String, Integer> entityCounts(ConfigurationState state) {
        Map<String, Integer> counts = new TreeMap<>();
        state.counts().forEach((type, count) -> counts.put(type.documentKey(), count));
        return counts;
    }

    public static byte[] canonical(ConfigurationState state, SecretValues secrets) {
        return CanonicalJson.bytes(tree(state, secrets));
    }

    /** The SHA-256 of the secret-free document: the identity of a configuration state, whatever the export options. */
    public static String fingerprint(ConfigurationState state) {
        return sha256Hex(canonical(state, SecretValues.OMITTED));
    }

    public static ObjectNode tree(ConfigurationState state, SecretValues secrets) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        for (EntityType type : EntityType.values()) {
            if (type.isSingleton()) {
                data.set(type.documentKey(), entity(state.settings(), secrets));
            } else {
                ArrayNode entities = data.putArray(type.documentKey());
                state.entitiesOf(type).forEach(record -> entities.add(entity(record, secrets)));
            }
        }
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("version", FORMAT_VERSION);
        document.put("timestamp", state.timestamp() == null ? null : state.timestamp().toString());
        document.put("position", state.position());
        document.set("data", data);
        return document;
    }

    public static JsonNode placeholder() {
        return JsonNodeFactory.instance.objectNode().put(PLACEHOLDER_FIELD, true);
    }

    public static boolean isPlaceholder(JsonNode value) {
        return value != null && value.isObject() && value.size() == 1 && value.path(PLACEHOLDER_FIELD).asBoolean(false);
    }

    private static ObjectNode entity(EntityRecord record, SecretValues values) {
        ObjectNode node = EntityShape.of(record);
        if (!record.secrets().isEmpty()) {
            ObjectNode secrets = node.putObject(EntityShape.SECRETS);
            record.secrets().forEach((name, sealed) -> {
                Optional<String> plaintext = values.plaintext(record.id(), name, sealed);
                secrets.set(name, plaintext.<JsonNode>map(JsonNodeFactory.instance::textNode).orElseGet(BackupDocument::placeholder));
            });
        }
        return node;
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
