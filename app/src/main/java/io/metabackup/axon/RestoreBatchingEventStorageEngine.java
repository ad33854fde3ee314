package io.metabackup.axon;

import io.metabackup.api.audit.AuditMetadata;
import io.metabackup.api.persistence.BatchedWrites;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The events of a restore wait in the transaction's {@link BatchedWrites} and reach the event store in JDBC
 * batches: a restore appends thousands of events in one transaction, and the JPA engine sends each on its own. Once
 * an event waits, every later event of the transaction waits behind it, so the global index keeps the order in
 * which events were appended; the event table is sent before the tables whose rows look events up; and every read
 * of the event store first sends what waits. All other events are stored by the JPA engine as they come.
 * <p>
 * A waiting event that clashes with a stored one (its entity changed by another transaction meanwhile) fails the
 * transaction when the batch is sent, instead of at the append: the restore changes nothing either way.
 */
class RestoreBatchingEventStorageEngine extends JdbcLoadingEventStorageEngine {

    static final String TABLE = "domain_event_entry";
    private static final String INSERT = """
            insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                            time_stamp, payload_type, payload_revision, payload, meta_data)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final int TIME_STAMP = 4;
    /**
     * An event takes its position when it is sent, but is stamped when it is created; positions are taken to be
     * settled by timestamp with a margin of seconds ({@code SettledPositions}), so no event waits longer than this.
     */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(1);

    private final BatchedWrites batch;

    RestoreBatchingEventStorageEngine(Builder builder, JdbcTemplate jdbc, BatchedWrites batch) {
        super(builder, jdbc);
        this.batch = batch;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        boolean ofRestore = events.stream()
                .anyMatch(event -> event.getMetaData().containsKey(AuditMetadata.RESTORE_ID));
        if (!ofRestore && batch.waiting(TABLE).isEmpty()) {
            super.appendEvents(events, serializer);
            return;
        }
        for (EventMessage<?> event : events) {
            DomainEventData<?> entry = (DomainEventData<?>) createEventEntity(event, serializer);
            batch.addReferenced(TABLE, INSERT, entry.getEventIdentifier(), entry.getAggregateIdentifier(),
                    entry.getSequenceNumber(), entry.getType(), DateTimeUtils.formatInstant(entry.getTimestamp()),
                    entry.getPayload().getType().getName(), entry.getPayload().getType().getRevision(),
                    entry.getPayload().getData(), entry.getMetaData().getData());
        }
        List<Object[]> waiting = batch.waiting(TABLE);
        if (!waiting.isEmpty() && DateTimeUtils.parseInstant((String) waiting.get(0)[TIME_STAMP])
                .isBefore(Instant.now().minus(LONGEST_WAIT))) {
            batch.flush();
        }
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        batch.flush();
        return super.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        batch.flush();
        return super.readEvents(trackingToken, mayBlock);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        batch.flush();
        return super.lastSequenceNumberFor(aggregateIdentifier);
    }
}
