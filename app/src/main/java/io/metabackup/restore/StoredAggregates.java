package io.metabackup.restore;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Which ids already have a history in the event store, asked for many ids at a time. */
@Component
class StoredAggregates {

    private static final int CHUNK = 1_000;

    private final JdbcTemplate jdbc;

    StoredAggregates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids among {@code ids} that some stored event belongs to (deleted entities included). */
    Set<UUID> among(Collection<UUID> ids) {
        List<String> all = ids.stream().map(UUID::toString).toList();
        Set<UUID> stored = new HashSet<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            String[] chunk = all.subList(from, Math.min(all.size(), from + CHUNK)).toArray(String[]::new);
            // every aggregate's history starts at sequence number 0: one index look-up per id
            jdbc.query(connection -> {
                var statement = connection.prepareStatement("select aggregate_identifier from domain_event_entry"
                        + " where sequence_number = 0 and aggregate_identifier = any(?)");
                statement.setArray(1, connection.createArrayOf("varchar", chunk));
                return statement;
            }, rs -> {
                stored.add(UUID.fromString(rs.getString(1)));
            });
        }
        return stored;
    }
}
