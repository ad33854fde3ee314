package io.metabackup.query.history;

import io.metabackup.api.config.ConfigEntityCreatedEvent;
import io.metabackup.api.config.ConfigEntityDeletedEvent;
import io.metabackup.api.config.ConfigEntityEvent;
import io.metabackup.api.config.ConfigEntityUpdatedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Keeps {@code config_history}. A subscribing processor (see application.yml): it runs in the command's
 * transaction, so a change and its history row commit or roll back together and history is never behind.
 * Registered by the app, which leaves it out when Axon Server, not the JPA event table, stores the events.
 */
@ProcessingGroup(HistoryProjection.PROCESSING_GROUP)
public class HistoryProjection {

    public static final String PROCESSING_GROUP = "config-history";

    private final HistoryRecorder recorder;

    public HistoryProjection(HistoryRecorder recorder) {
        this.recorder = recorder;
    }

    @EventHandler
    void on(ConfigEntityCreatedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    void on(ConfigEntityUpdatedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    void on(ConfigEntityDeletedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    private void record(ConfigEntityEvent event, EventMessage<?> message) {
        // the event table keeps milliseconds; history shows the time exactly as stored
        Instant stored = message.getTimestamp().truncatedTo(ChronoUnit.MILLIS);
        recorder.record(EventPlace.ofEvent(message.getIdentifier(), stored), message.getMetaData(), event);
    }
}
