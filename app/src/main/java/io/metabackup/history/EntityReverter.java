package io.metabackup.history;

import io.metabackup.api.audit.AuditMetadata;
import io.metabackup.api.config.ConfigEntityDeletedEvent;
import io.metabackup.api.config.ConfigEntityEvent;
import io.metabackup.api.config.EntityRecord;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.config.SecretValue;
import io.metabackup.api.config.UpdateConfigEntityCommand;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import io.metabackup.command.secrets.SecretSealer;
import io.metabackup.query.config.CurrentConfiguration;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Brings an entity back to the state of an earlier version as a new, audited change: an ordinary update carrying
 * that version's state and secrets, marked with {@code revertedToVersion}. History is never rewritten.
 */
@Component
class EntityReverter {

    private final CommandGateway commands;
    private final CurrentConfiguration configuration;
    private final EventStore events;
    private final SecretSealer sealer;

    EntityReverter(CommandGateway commands, CurrentConfiguration configuration, EventStore events,
                   SecretSealer sealer) {
        this.commands = commands;
        this.configuration = configuration;
        this.events = events;
        this.sealer = sealer;
    }

    EntityRecord revert(EntityType type, UUID id, long version, Long expectedVersion) {
        EntityRecord current = configuration.find(type, id).orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND,
                "No live " + type.label() + " with id " + id + "; a revert changes a live entity, a deleted one "
                        + "comes back through a restore"));
        ConfigEntityEvent target = versionOf(id, version)
                .filter(event -> event.type() == type)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "The " + type.label() + " " + id
                        + " has no version " + version));
        if (target instanceof ConfigEntityDeletedEvent) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "Version " + version + " deleted the "
                    + type.label() + "; revert to a version before it");
        }
        Map<String, SecretValue> secrets = new TreeMap<>();
        target.secrets().forEach((name, sealed) -> secrets.put(name, sealer.open(id, name, sealed)));
        Set<String> toRemove = new HashSet<>(current.secrets().keySet());
        toRemove.removeAll(target.secrets().keySet());
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new UpdateConfigEntityCommand(id, expectedVersion, target.state(), secrets, toRemove))
                .andMetaData(Map.of(AuditMetadata.REVERTED_TO_VERSION, version)));
        return configuration.find(type, id).orElseThrow();
    }

    /** Entity versions are the aggregate's sequence numbers: 0 when created, one more with every event. */
    private Optional<ConfigEntityEvent> versionOf(UUID id, long version) {
        if (version < 0) {
            return Optional.empty();
        }
        return events.readEvents(id.toString(), version).asStream()
                .map(DomainEventMessage::getPayload)
                .filter(ConfigEntityEvent.class::isInstance)
                .map(ConfigEntityEvent.class::cast)
                .filter(event -> event.version() == version)
                .findFirst();
    }
}
