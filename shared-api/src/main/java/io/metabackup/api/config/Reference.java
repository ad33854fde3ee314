package io.metabackup.api.config;

import java.util.List;
import java.util.UUID;

/**
 * A pointer from one entity to another, kept so that writes can check the target exists and deletes can name
 * who still points at an entity.
 *
 * @param requiredKind for adapter targets, the kind the adapter must be; {@code null} for other types
 */
public record Reference(String field, UUID targetId, EntityType targetType, AdapterKind requiredKind) {

    public static Reference toAdapter(String field, UUID targetId, AdapterKind kind) {
        return new Reference(field, targetId, EntityType.ADAPTER, kind);
    }

    public static Reference to(String field, UUID targetId, EntityType targetType) {
        return new Reference(field, targetId, targetType, null);
    }

    static void addAll(List<Reference> into, String field, List<UUID> ids, AdapterKind kind) {
        for (int i = 0; i < ids.size(); i++) {
            into.add(toAdapter(field + "[" + i + "]", ids.get(i), kind));
        }
    }
}
