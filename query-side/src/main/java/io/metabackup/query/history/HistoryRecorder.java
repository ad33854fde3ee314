package io.metabackup.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metabackup.api.audit.AuditMetadata;
import io.metabackup.api.audit.ChangeSource;
import io.metabackup.api.config.ConfigEntityCreatedEvent;
import io.metabackup.api.config.ConfigEntityDeletedEvent;
import io.metabackup.api.config.ConfigEntityEvent;
import io.metabackup.api.config.EntityRecord;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.config.SettingsState;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Turns one stored configuration event and its metadata into a history row. The values before the change come
 * from the entity's previous row, the values after it from the event, which carries the full new state.
 */
@Component
public class HistoryRecorder {

    private static final EntityRecord SETTINGS_DEFAULTS =
            new EntityRecord(SettingsState.ID, -1, SettingsState.defaults(), Map.of());

    private final HistoryWriter writer;
    private final ObjectMapper json;

    public HistoryRecorder(HistoryWriter writer, ObjectMapper json) {
        this.writer = writer;
        this.json = json;
    }

    void record(EventPlace place, Map<String, ?> metaData, ConfigEntityEvent event) {
        JsonNode before = event.version() == 0 ? neverSeen(event.type())
                : writer.stateBefore(event.id(), event.version()).orElseGet(() -> neverSeen(event.type()));
        JsonNode after = EntityRecord.after(event).<JsonNode>map(FieldChanges::shape).orElse(null);
        Long revertedTo = number(metaData.get(AuditMetadata.REVERTED_TO_VERSION));
        writer.insert(new HistoryRow(place, text(metaData.get(AuditMetadata.ACTOR_ID)),
                text(metaData.get(AuditMetadata.ACTOR_NAME)), text(metaData.get(AuditMetadata.SOURCE)),
                text(metaData.get(AuditMetadata.REQUEST_ID)), text(metaData.get(AuditMetadata.RESTORE_ID)),
                event.type().path(), event.id(), event.state().naturalKey(), event.version(),
                action(event, metaData, revertedTo), revertedTo,
                json.valueToTree(FieldChanges.of(event.changedFields(), before, after)), after));
    }

    /** Settings start from their defaults, so their first write changes defaults, not nothing. */
    private JsonNode neverSeen(EntityType type) {
        return type == EntityType.SETTINGS ? FieldChanges.shape(SETTINGS_DEFAULTS) : null;
    }

    private static HistoryAction action(ConfigEntityEvent event, Map<String, ?> metaData, Long revertedTo) {
        if (event instanceof ConfigEntityDeletedEvent) {
            return HistoryAction.DELETED;
        }
        if (ChangeSource.RESTORE.name().equals(text(metaData.get(AuditMetadata.SOURCE)))) {
            return HistoryAction.RESTORED;
        }
        if (revertedTo != null) {
            return HistoryAction.REVERTED;
        }
        return event instanceof ConfigEntityCreatedEvent ? HistoryAction.CREATED : HistoryAction.UPDATED;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        return value == null ? null : Long.valueOf(value.toString());
    }
}
