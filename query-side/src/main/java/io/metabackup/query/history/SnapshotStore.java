package io.metabackup.query.history;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metabackup.api.backup.BackupDocument;
import io.metabackup.api.config.EntityRecord;
import io.metabackup.api.history.ConfigurationState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Versioned snapshots: the whole configuration at a stream position, stored (gzipped, secrets still sealed) so
 * that point-in-time reads fold only the events after the nearest one.
 */
@Repository
public class SnapshotStore {

    private static final TypeReference<List<EntityRecord>> ENTITIES = new TypeReference<>() {
    };
    private static final RowMapper<Snapshot> SNAPSHOT = (rs, i) -> new Snapshot(rs.getLong("version"),
            rs.getLong("covers_position"), rs.getLong("config_position"), instant(rs.getTimestamp("event_time")),
            instant(rs.getTimestamp("created_at")), rs.getString("trigger"), rs.getString("document_sha256"),
            rs.getString("counts"));

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public SnapshotStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores {@code state}, read at {@code coversPosition}, as the next snapshot version. */
    public Snapshot save(ConfigurationState state, long coversPosition, String trigger) {
        return save(state, coversPosition, trigger, true);
    }

    /**
     * @param settled whether every position up to {@code coversPosition} was committed when the state was read. Only
     *                settled snapshots start reconstructions: an open transaction may still commit an event below the
     *                position of an unsettled one, which that snapshot would then hide for good.
     */
    public Snapshot save(ConfigurationState state, long coversPosition, String trigger, boolean settled) {
        Long version = jdbc.queryForObject("""
                        insert into config_snapshot (covers_position, config_position, event_time, trigger,
                                                     document_sha256, counts, entities, settled)
                        values (?, ?, ?, ?, ?, ?::jsonb, ?, ?) returning version""", Long.class,
                coversPosition, state.position(),
                state.timestamp() == null ? null : state.timestamp().atOffset(ZoneOffset.UTC), trigger,
                BackupDocument.fingerprint(state), write(counts(state)), gzip(state.entities().values()), settled);
        return find(version).orElseThrow();
    }

    public Optional<Snapshot> find(long version) {
        return jdbc.query("select * from config_snapshot where version = ?", SNAPSHOT, version).stream().findFirst();
    }

    /** The furthest position any snapshot covers; 0 when there is none. */
    public long newestCoveredPosition() {
        Long covered = jdbc.queryForObject("select max(covers_position) from config_snapshot", Long.class);
        return covered == null ? 0 : covered;
    }

    /** Newest first. */
    public List<Snapshot> list(int offset, int limit) {
        return jdbc.query("select * from config_snapshot order by version desc offset ? limit ?", SNAPSHOT,
                offset, limit);
    }

    /** The snapshot covering the most of the stream without going past {@code position}, with its state. */
    public Optional<SnapshotWithState> nearestAtOrBefore(long position) {
        return jdbc.query("""
                        select * from config_snapshot where settled and covers_position <= ?
                         order by covers_position desc, version desc limit 1""",
                (rs, i) -> {
                    Snapshot snapshot = SNAPSHOT.mapRow(rs, i);
                    Map<UUID, EntityRecord> entities = gunzip(rs.getBytes("entities")).stream()
                            .collect(Collectors.toMap(EntityRecord::id, Function.identity()));
                    return new SnapshotWithState(snapshot,
                            new ConfigurationState(snapshot.configPosition(), snapshot.eventTime(), entities));
                }, position).stream().findFirst();
    }

    private static Map<String, Integer> counts(ConfigurationState state) {
        return BackupDocument.entityCounts(state);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] gzip(Collection<EntityRecord> entities) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            json.writeValue(out, List.copyOf(entities));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private List<EntityRecord> gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return json.readValue(in, ENTITIES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * @param coversPosition every event up to this position is in the snapshot
     * @param configPosition the position of the last configuration event in it
     * @param eventTime      the time of that event
     * @param counts         entities per type, as JSON
     */
    public record Snapshot(long version, long coversPosition, long configPosition, Instant eventTime,
                           Instant createdAt, String trigger, String documentSha256, String counts) {
    }

    public record SnapshotWithState(Snapshot snapshot, ConfigurationState state) {
    }
}
