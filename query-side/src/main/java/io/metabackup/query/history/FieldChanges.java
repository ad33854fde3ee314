package io.metabackup.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.metabackup.api.backup.EntityShape;
import io.metabackup.api.config.ChangedFields;
import io.metabackup.api.config.EntityRecord;

import java.util.List;

/**
 * Turns the names of changed fields into before/after values, reading both sides in API shape, so that history
 * and diffs show values exactly as the API does. Secrets only ever appear as "changed".
 */
public final class FieldChanges {

    private FieldChanges() {
    }

    /** {@code before} or {@code after} may be {@code null} (the entity did not exist on that side). */
    public static List<FieldChange> of(List<String> fields, JsonNode before, JsonNode after) {
        return fields.stream().map(field -> FieldChange.of(field, valueAt(before, field), valueAt(after, field)))
                .toList();
    }

    /** Every field that differs between two versions of one entity. */
    public static List<FieldChange> between(EntityRecord before, EntityRecord after) {
        List<String> fields = ChangedFields.between(before.state(), after.state(), before.secrets(), after.secrets());
        return of(fields, shape(before), shape(after));
    }

    /** The API shape of an entity: secret values are never part of it, only the names of the set ones. */
    public static ObjectNode shape(EntityRecord record) {
        return EntityShape.of(record);
    }

    private static JsonNode valueAt(JsonNode node, String dottedPath) {
        if (node == null || node.isNull() || FieldChange.isSecret(dottedPath)) {
            return NullNode.instance;
        }
        JsonNode current = node;
        for (String segment : dottedPath.split("\\.")) {
            current = current.path(segment);
        }
        return current.isMissingNode() ? NullNode.instance : current;
    }
}
