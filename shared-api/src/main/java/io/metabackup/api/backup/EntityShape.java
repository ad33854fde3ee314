package io.metabackup.api.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.metabackup.api.config.EntityRecord;
import io.metabackup.api.config.EntityState;

/**
 * The shape in which an entity leaves Metabackup, in API responses and in backup documents alike: {@code id}
 * (except for the settings singleton), {@code version}, the type's own fields and {@code secretsSet}.
 */
public final class EntityShape {

    public static final String ID = "id";
    public static final String VERSION = "version";
    public static final String SECRETS = "secrets";
    public static final String SECRETS_SET = "secretsSet";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EntityShape() {
    }

    public static ObjectNode of(EntityRecord record) {
        ObjectNode node = MAPPER.createObjectNode();
        if (!record.type().isSingleton()) {
            node.put(ID, record.id().toString());
        }
        node.put(VERSION, record.version());
        ObjectNode state = MAPPER.valueToTree(record.state());
        state.remove(EntityState.TYPE_PROPERTY);
        node.setAll(state);
        node.set(SECRETS_SET, MAPPER.valueToTree(record.secretsSet()));
        return node;
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }
}
