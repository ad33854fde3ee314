package io.metabackup.query.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.metabackup.api.config.ChangedFields;

/**
 * One changed field with its values before and after. A secret only says that it changed: {@code before} and
 * {@code after} are then left out, never filled.
 *
 * @param field API name of the field, dotted for nested records ({@code retention.keepLast}, {@code secrets.key})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldChange(String field, JsonNode before, JsonNode after, Boolean changed) {

    public static FieldChange of(String field, JsonNode before, JsonNode after) {
        if (isSecret(field)) {
            return secret(field);
        }
        return new FieldChange(field, before == null ? NullNode.instance : before,
                after == null ? NullNode.instance : after, null);
    }

    public static FieldChange secret(String field) {
        return new FieldChange(field, null, null, true);
    }

    public static boolean isSecret(String field) {
        return field.startsWith(ChangedFields.SECRET_PREFIX);
    }
}
