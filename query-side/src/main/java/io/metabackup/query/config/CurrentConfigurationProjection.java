package io.metabackup.query.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metabackup.api.config.ConfigEntityCreatedEvent;
import io.metabackup.api.config.ConfigEntityDeletedEvent;
import io.metabackup.api.config.ConfigEntityEvent;
import io.metabackup.api.config.ConfigEntityUpdatedEvent;
import io.metabackup.api.config.EntityRecord;
import io.metabackup.api.persistence.BatchedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Keeps {@code config_entity} equal to the latest state of every live entity. It runs in the transaction of the
 * command (a subscribing processor), so a read that follows a successful write always sees it; its writes go out
 * batched with the transaction ({@link BatchedWrites}), which {@link CurrentConfiguration} sends before reading.
 */
@Component
@ProcessingGroup(CurrentConfigurationProjection.PROCESSING_GROUP)
public class CurrentConfigurationProjection {

    public static final String PROCESSING_GROUP = "current-configuration";

    private static final String TABLE = "config_entity";

    private final BatchedWrites batch;
    private final ObjectMapper json;

    public CurrentConfigurationProjection(BatchedWrites batch, ObjectMapper json) {
        this.batch = batch;
        this.json = json;
    }

    @EventHandler
    void on(ConfigEntityCreatedEvent event, @Timestamp Instant at) {
        apply(event, at);
    }

    @EventHandler
    void on(ConfigEntityUpdatedEvent event, @Timestamp Instant at) {
        apply(event, at);
    }

    @EventHandler
    void on(ConfigEntityDeletedEvent event, @Timestamp Instant at) {
        apply(event, at);
    }

    private void apply(ConfigEntityEvent event, Instant at) {
        EntityRecord.after(event).ifPresentOrElse(record -> upsert(record, at),
                () -> batch.add(TABLE, "delete from config_entity where id = ?", event.id()));
    }

    private void upsert(EntityRecord record, Instant at) {
        batch.add(TABLE, """
                        insert into config_entity (id, type, natural_key, version, state, secrets, updated_at)
                        values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)
                        on conflict (id) do update set natural_key = excluded.natural_key, version = excluded.version,
                            state = excluded.state, secrets = excluded.secrets, updated_at = excluded.updated_at""",
                record.id(), record.type().name(), record.state().naturalKey(), record.version(),
                write(record.state()), write(record.secrets()), at.atOffset(ZoneOffset.UTC));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write read model", e);
        }
    }
}
