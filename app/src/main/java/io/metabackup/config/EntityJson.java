package io.metabackup.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.metabackup.api.backup.BackupDocument;
import io.metabackup.api.backup.EntityShape;
import io.metabackup.api.config.EntityRecord;
import io.metabackup.api.config.EntityState;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.config.SecretValue;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The API shape of an entity: {@code id}, {@code version}, the type's own fields and {@code secretsSet}. Requests
 * may carry {@code secrets}; responses never do. Error messages name fields, never the values sent.
 */
@Component
public class EntityJson {

    private static final String ID = EntityShape.ID;
    private static final String VERSION = EntityShape.VERSION;
    private static final String SECRETS = EntityShape.SECRETS;
    private static final String SECRETS_SET = EntityShape.SECRETS_SET;

    private final ObjectReader strictReader;

    public EntityJson(ObjectMapper mapper) {
        this.strictReader = mapper.reader().with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .forType(EntityState.class);
    }

    public ObjectNode write(EntityRecord record) {
        return EntityShape.of(record);
    }

    public EntityWrite read(EntityType type, JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            throw invalid("The request body must be a JSON object");
        }
        ObjectNode fields = object.deepCopy();
        UUID id = readId(fields.remove(ID));
        Long version = readVersion(fields.remove(VERSION));
        JsonNode secrets = fields.remove(SECRETS);
        fields.remove(SECRETS_SET);
        fields.put(EntityState.TYPE_PROPERTY, type.name());
        return readSecrets(secrets, new EntityWrite(id, version, readState(fields), Map.of(), Set.of(), Set.of()));
    }

    private EntityState readState(ObjectNode fields) {
        try {
            return strictReader.readValue(fields);
        } catch (UnrecognizedPropertyException e) {
            throw invalid("Unknown field \"" + e.getPropertyName() + "\"; known fields: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        } catch (InvalidFormatException e) {
            throw invalid("Field \"" + path(e) + "\" has a value of the wrong form"
                    + (e.getTargetType() != null && e.getTargetType().isEnum()
                    ? "; allowed: " + java.util.Arrays.toString(e.getTargetType().getEnumConstants()) : ""));
        } catch (MismatchedInputException e) {
            throw invalid("Field \"" + path(e) + "\" has the wrong type");
        } catch (java.io.IOException e) {
            throw invalid("The request body cannot be read as this type");
        }
    }

    /** A string sets a secret, {@code null} removes it, a backup placeholder ({"omitted": true}) keeps it. */
    private static EntityWrite readSecrets(JsonNode secrets, EntityWrite write) {
        if (secrets == null || secrets.isNull()) {
            return write;
        }
        if (!secrets.isObject()) {
            throw invalid("\"secrets\" must be an object of secret names to values");
        }
        Map<String, SecretValue> toSet = new HashMap<>();
        Set<String> toRemove = new HashSet<>();
        Set<String> omitted = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = secrets.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> secret = it.next();
            JsonNode value = secret.getValue();
            if (value.isTextual()) {
                toSet.put(secret.getKey(), new SecretValue(value.textValue()));
            } else if (value.isNull()) {
                toRemove.add(secret.getKey());
            } else if (BackupDocument.isPlaceholder(value)) {
                omitted.add(secret.getKey());
            } else {
                throw invalid("secrets." + secret.getKey() + " must be a string (set), null (remove) or "
                        + "{\"omitted\": true} (keep)");
            }
        }
        return new EntityWrite(write.id(), write.version(), write.state(), toSet, toRemove, omitted);
    }

    private static UUID readId(JsonNode id) {
        if (id == null || id.isNull()) {
            return null;
        }
        try {
            return UUID.fromString(id.asText());
        } catch (IllegalArgumentException e) {
            throw invalid("\"id\" must be a UUID");
        }
    }

    private static Long readVersion(JsonNode version) {
        if (version == null || version.isNull()) {
            return null;
        }
        if (!version.canConvertToLong() || !version.isIntegralNumber()) {
            throw invalid("\"version\" must be a whole number");
        }
        return version.longValue();
    }

    private static String path(JsonProcessingException e) {
        return e instanceof MismatchedInputException m ? m.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[") : "?";
    }

    private static DomainException invalid(String message) {
        return new DomainException(ErrorCode.VALIDATION_FAILED, message);
    }

    /**
     * A create or update as the client asked for it, or an entity as a backup holds it.
     *
     * @param secretsOmitted secrets given as the placeholder {"omitted": true}: set, but their value left out
     */
    public record EntityWrite(UUID id, Long version, EntityState state, Map<String, SecretValue> secretsToSet,
                              Set<String> secretsToRemove, Set<String> secretsOmitted) {
    }
}
