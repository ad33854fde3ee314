package io.metabackup.restore;

import com.fasterxml.jackson.databind.JsonNode;
import io.metabackup.api.backup.BackupDocument;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.config.SettingsState;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import io.metabackup.config.EntityJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The entities of a backup document, read with the same rules as API requests. */
record BackupContents(List<BackupEntity> entities) {

    /** Types in the order their entities can be written: everything an entity references comes before it. */
    static final List<EntityType> WRITE_ORDER = List.of(EntityType.ADAPTER, EntityType.ENCRYPTION_PROFILE,
            EntityType.GROUP, EntityType.SSO_PROVIDER, EntityType.USER, EntityType.JOB, EntityType.SETTINGS);

    static BackupContents read(JsonNode document, EntityJson json) {
        if (document == null || !document.isObject() || !document.path("data").isObject()) {
            throw new DomainException(ErrorCode.CORRUPT_BACKUP, "The backup is not a Metabackup configuration document");
        }
        String version = document.path("version").asText("");
        if (!BackupDocument.isSupportedVersion(version)) {
            throw new DomainException(ErrorCode.UNSUPPORTED_VERSION, "Backup format version \"" + version
                    + "\" is not supported; this version of Metabackup reads " + BackupDocument.FORMAT_VERSION,
                    Map.of("supportedVersions", List.of(BackupDocument.FORMAT_VERSION)));
        }
        JsonNode data = document.path("data");
        List<BackupEntity> entities = new ArrayList<>();
        for (EntityType type : WRITE_ORDER) {
            JsonNode section = data.get(type.documentKey());
            if (section == null || section.isNull()) {
                continue;
            }
            if (type.isSingleton()) {
                entities.add(entity(type, SettingsState.ID, section, json));
            } else if (section.isArray()) {
                for (JsonNode node : section) {
                    entities.add(entity(type, id(type, node), node, json));
                }
            } else {
                throw corrupt(type.documentKey() + " must be a list");
            }
        }
        return new BackupContents(entities);
    }

    private static BackupEntity entity(EntityType type, UUID id, JsonNode node, EntityJson json) {
        try {
            EntityJson.EntityWrite write = json.read(type, node);
            return new BackupEntity(type, id, write.state(), write.secretsToSet(), write.secretsOmitted());
        } catch (DomainException e) {
            throw corrupt("the " + type.label() + " " + id + " cannot be read: " + e.getMessage());
        }
    }

    private static UUID id(EntityType type, JsonNode node) {
        try {
            return UUID.fromString(node.path("id").asText());
        } catch (IllegalArgumentException e) {
            throw corrupt("an entry of " + type.documentKey() + " has no valid id");
        }
    }

    private static DomainException corrupt(String message) {
        return new DomainException(ErrorCode.CORRUPT_BACKUP, "The backup is damaged: " + message);
    }
}
