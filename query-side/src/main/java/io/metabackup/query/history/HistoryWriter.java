package io.metabackup.query.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    public HistoryWriter(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The entity as its history row before {@code version} left it: empty when there is none, a null node when
     * that row deleted the entity. By version, not position: an entity's versions grow with its positions, and the
     * backfill writes rows below ones that exist already.
     */
    public Optional<JsonNode> stateBefore(UUID entityId, long version) {
        return jdbc.query("""
                        select state_after from config_history where entity_id = ? and version < ?
                         order by version desc limit 1""",
                (rs, i) -> read(rs.getString(1)), entityId, version).stream().findFirst();
    }

    public void insert(HistoryEntry entry, JsonNode stateAfter) {
        jdbc.update("""
                        insert into config_history (position, event_time, actor_id, actor_name, source, request_id,
                            restore_id, entity_type, entity_id, entity_name, version, action, reverted_to_version,
                            changes, state_after)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)""",
                entry.position(), Timestamp.from(entry.time()), entry.actorId(), entry.actorName(), entry.source(),
                entry.requestId(), entry.restoreId(), entry.type(), entry.entityId(), entry.entityName(),
                entry.version(), entry.action().name(), entry.revertedToVersion(), write(entry.changes()),
                stateAfter == null || stateAfter.isNull() ? null : write(stateAfter));
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
