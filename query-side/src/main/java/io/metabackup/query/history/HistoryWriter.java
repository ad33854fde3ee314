package io.metabackup.query.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metabackup.api.persistence.BatchedWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

/** Writes {@code config_history} rows and reads back what the previous row of an entity looked like. */
@Repository
public class HistoryWriter {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final BatchedWrites batch;

    public HistoryWriter(JdbcTemplate jdbc, ObjectMapper json, BatchedWrites batch) {
        this.jdbc = jdbc;
        this.json = json;
        this.batch = batch;
    }

    /**
     * The entity as its history row before {@code version} left it: empty when there is none, a null node when
     * that row deleted the entity. By version, not position: an entity's versions grow with its positions, and the
     * backfill writes rows below ones that exist already.
     */
    public Optional<JsonNode> stateBefore(UUID entityId, long version) {
        batch.flush();
        return jdbc.query("""
                        select state_after from config_history where entity_id = ? and version < ?
                         order by version desc limit 1""",
                (rs, i) -> read(rs.getString(1)), entityId, version).stream().findFirst();
    }

    /** Batched with the transaction's other log rows (see {@link BatchedWrites}). */
    void insert(HistoryRow row) {
        JsonNode after = row.stateAfter();
        batch.add("config_history", """
                        insert into config_history (position, event_time, actor_id, actor_name, source, request_id,
                            restore_id, entity_type, entity_id, entity_name, version, action, reverted_to_version,
                            changes, state_after)
                        values (coalesce(?, (select global_index from domain_event_entry where event_identifier = ?)),
                            ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)""",
                row.place().position(), row.place().eventIdentifier(), Timestamp.from(row.place().time()),
                row.actorId(), row.actorName(), row.source(), row.requestId(), row.restoreId(), row.type(),
                row.entityId(), row.entityName(), row.version(), row.action().name(), row.revertedToVersion(),
                write(row.changes()), after == null || after.isNull() ? null : write(after));
    }

    private JsonNode read(String value) {
        try {
            return value == null ? json.nullNode() : json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable history row", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write history row", e);
        }
    }
}
