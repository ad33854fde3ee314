package io.metabackup.restore;

import io.metabackup.api.config.EntityState;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.config.SecretValue;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** One entity as a backup holds it: state, plaintext secrets, and the names of secrets left out. */
record BackupEntity(EntityType type, UUID id, EntityState state, Map<String, SecretValue> secrets,
                    Set<String> omittedSecrets) {

    String name() {
        return state.naturalKey();
    }
}
