package io.metabackup.query.history;

import io.metabackup.api.config.ConfigEntityCreatedEvent;
import io.metabackup.api.config.ConfigEntityDeletedEvent;
import io.metabackup.api.config.ConfigEntityEvent;
import io.metabackup.api.config.ConfigEntityUpdatedEvent;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reads configuration events straight from the event table by position. Plain JDBC with a large fetch size and
 * Axon's own serializer is several times faster than opening an Axon event stream, which matters when a history
 * of 100,000 events is folded. Positions may have gaps (rolled-back transactions burn sequence values).
 */
@Component
public class ConfigEventLog {

    static final List<String> CONFIG_EVENT_TYPES = List.of(ConfigEntityCreatedEvent.class.getName(),
            ConfigEntityUpdatedEvent.class.getName(), ConfigEntityDeletedEvent.class.getName());
    private static final int FETCH_SIZE = 5_000;

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public ConfigEventLog(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** Calls {@code consumer} with each configuration event in {@code (after, upTo]}, in stream order. */
    public void forEach(long after, long upTo, Consumer<StoredConfigEvent> consumer) {
        read(after, upTo, false, (event, metaData) -> consumer.accept(event));
    }

    /**
     * Like {@link #forEach}, with each event's metadata (who, why, from where): for rebuilding read models that
     * need it, such as history.
     */
    public void forEachWithMetaData(long after, long upTo, BiConsumer<StoredConfigEvent, MetaData> consumer) {
        read(after, upTo, true, consumer);
    }

    /** Metadata is only fetched and deserialised when asked for: folds of long histories do not need it. */
    private void read(long after, long upTo, boolean withMetaData, BiConsumer<StoredConfigEvent, MetaData> consumer) {
        if (upTo <= after) {
            return;
        }
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("select global_index, time_stamp, payload_type, "
                    + "payload_revision, payload, " + (withMetaData ? "meta_data" : "null") + " " + """
                     from domain_event_entry
                     where global_index > ? and global_index <= ? and payload_type in (?, ?, ?)
                     order by global_index""");
            statement.setFetchSize(FETCH_SIZE);
            statement.setLong(1, after);
            statement.setLong(2, upTo);
            for (int i = 0; i < CONFIG_EVENT_TYPES.size(); i++) {
                statement.setString(3 + i, CONFIG_EVENT_TYPES.get(i));
            }
            return statement;
        }, rs -> {
            ConfigEntityEvent event = serializer.deserialize(new SimpleSerializedObject<>(rs.getBytes(5), byte[].class,
                    rs.getString(3), rs.getString(4)));
            byte[] metaData = rs.getBytes(6);
            MetaData parsed = metaData == null ? MetaData.emptyInstance() : serializer.deserialize(
                    new SimpleSerializedObject<>(metaData, byte[].class, MetaData.class.getName(), null));
            consumer.accept(new StoredConfigEvent(rs.getLong(1), DateTimeUtils.parseInstant(rs.getString(2)), event),
                    parsed);
        });
    }

    /** One configuration event with where and when it sits in the stream. */
    public record StoredConfigEvent(long position, Instant timestamp, ConfigEntityEvent event) {
    }
}
