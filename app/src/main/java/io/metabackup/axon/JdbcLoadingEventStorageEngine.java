package io.metabackup.axon;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.stream.Stream;

/**
 * The JPA event store with cheaper aggregate loads, which every update and every restore of an existing entity
 * makes. The stock engine asks the snapshot table first (Metabackup never takes a snapshot: its aggregates hold a
 * handful of events each), and reads the events with a JPQL query that Hibernate interprets anew at every load;
 * here the load is one plain SQL query on the same connection and transaction.
 */
class JdbcLoadingEventStorageEngine extends JpaEventStorageEngine {

    private static final String EVENTS_OF_AGGREGATE = """
            select type, aggregate_identifier, sequence_number, event_identifier, time_stamp, payload_type,
                   payload_revision, payload, meta_data
              from domain_event_entry
             where aggregate_identifier = ? and sequence_number >= ?
             order by sequence_number
             limit ?""";

    private final JdbcTemplate jdbc;

    JdbcLoadingEventStorageEngine(Builder builder, JdbcTemplate jdbc) {
        super(builder);
        this.jdbc = jdbc;
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber, int batchSize) {
        return jdbc.query(EVENTS_OF_AGGREGATE, (rs, i) -> new GenericDomainEventEntry<>(rs.getString(1),
                        rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getBytes(8), rs.getBytes(9)),
                aggregateIdentifier, firstSequenceNumber, batchSize);
    }
}
