package io.metabackup.query.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Reads {@code config_history}: filtered pages, the versions of one entity, and streams for exports. */
@Repository
public class HistoryQueries {

    private static final String COLUMNS = """
            position, event_time, actor_id, actor_name, source, request_id, restore_id, entity_type, entity_id,
            entity_name, version, action, reverted_to_version, changes""";
    private static final int EXPORT_FETCH_SIZE = 1_000;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RowMapper<HistoryEntry> entryMapper = this::entry;

    public HistoryQueries(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Newest first; {@code page} counts from 0. */
    public HistoryPage search(HistoryFilter filter, int page, int size) {
        HistoryFilter.Where where = filter.where();
        List<HistoryEntry> entries = jdbc.query("select " + COLUMNS + " from config_history" + where.sql()
                + " order by position desc limit " + size + " offset " + (long) page * size, entryMapper, where.args());
        Long total = jdbc.queryForObject("select count(*) from config_history" + where.sql(), Long.class,
                where.args());
        return new HistoryPage(entries, total == null ? 0 : total, page, size);
    }

    /**
     * Calls {@code consumer} with every matching entry, newest first, without holding them all: rows are fetched in
     * batches, which PostgreSQL only does inside a transaction, so call this inside a (read-only) one.
     */
    public void stream(HistoryFilter filter, Consumer<HistoryEntry> consumer) {
        HistoryFilter.Where where = filter.where();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("select " + COLUMNS + " from config_history" + where.sql()
                    + " order by position desc");
            statement.setFetchSize(EXPORT_FETCH_SIZE);
            for (int i = 0; i < where.args().length; i++) {
                statement.setObject(i + 1, where.args()[i]);
            }
            return statement;
        }, (RowCallbackHandler) rs -> consumer.accept(entry(rs, 0)));
    }

    /** Every version of one entity, oldest first; empty when history never saw it. */
    public List<HistoryEntry> versions(UUID entityId) {
        return jdbc.query("select " + COLUMNS + " from config_history where entity_id = ? order by version",
                entryMapper, entityId);
    }

    /** One version of an entity with its whole state (API shape, no secret values; null for a deletion). */
    public Optional<EntityVersion> version(UUID entityId, long version) {
        return jdbc.query("select " + COLUMNS + ", state_after from config_history where entity_id = ? and version = ?",
                (rs, i) -> new EntityVersion(entry(rs, i), read(rs.getString("state_after"))), entityId, version)
                .stream().findFirst();
    }

    private HistoryEntry entry(ResultSet rs, int row) throws SQLException {
        return new HistoryEntry(rs.getLong("position"), rs.getTimestamp("event_time").toInstant(),
                rs.getString("actor_id"), rs.getString("actor_name"), rs.getString("source"),
                rs.getString("request_id"), rs.getString("restore_id"), rs.getString("entity_type"),
                rs.getObject("entity_id", UUID.class), rs.getString("entity_name"), rs.getLong("version"),
                HistoryAction.valueOf(rs.getString("action")), (Long) rs.getObject("reverted_to_version"),
                read(rs.getString("changes")));
    }

    private JsonNode read(String value) {
        try {
            return value == null ? null : json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable history row", e);
        }
    }

    public record HistoryPage(List<HistoryEntry> entries, long total, int page, int size) {
    }

    /** @param state the entity after this version in API shape; {@code null} when this version deleted it */
    public record EntityVersion(HistoryEntry entry, JsonNode state) {
    }
}
