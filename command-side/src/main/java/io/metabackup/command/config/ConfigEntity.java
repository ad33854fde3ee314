package io.metabackup.command.config;

import io.metabackup.api.config.AdapterState;
import io.metabackup.api.config.ChangedFields;
import io.metabackup.api.config.ConfigEntityCreatedEvent;
import io.metabackup.api.config.ConfigEntityDeletedEvent;
import io.metabackup.api.config.ConfigEntityEvent;
import io.metabackup.api.config.ConfigEntityUpdatedEvent;
import io.metabackup.api.config.CreateConfigEntityCommand;
import io.metabackup.api.config.DeleteConfigEntityCommand;
import io.metabackup.api.config.EntityState;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.config.SealedSecret;
import io.metabackup.api.config.SecretValue;
import io.metabackup.api.config.SettingsState;
import io.metabackup.api.config.UpdateConfigEntityCommand;
import io.metabackup.api.config.UpdateSettingsCommand;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import io.metabackup.command.secrets.SecretSealer;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One configuration entity of any type. Every type follows the same life (created, updated, deleted) and keeps its
 * secrets the same way; what differs per type lives in the {@link EntityState} records and {@link ConfigRules}.
 * A deleted entity stays loadable (it is not marked deleted in Axon's sense) so that a restore can bring it back.
 */
@Aggregate
public class ConfigEntity {

    /** The version readers report for settings nobody has written yet (the defaults). */
    private static final long NEVER_WRITTEN = -1;

    @AggregateIdentifier
    private UUID id;
    private EntityState state;
    private Map<String, SealedSecret> secrets;
    private long version;
    private boolean deleted;

    protected ConfigEntity() {
        // for Axon
    }

    @CommandHandler
    public ConfigEntity(CreateConfigEntityCommand command, ConfigIndex index, SecretSealer sealer) {
        EntityState newState = command.state();
        if (newState.type().isSingleton() || SettingsState.ID.equals(command.id())) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "Settings are written with PUT /api/config/settings"
                    + " and their id is reserved");
        }
        Map<String, SecretValue> values = ProfileKeys.withGeneratedKey(newState.type(), command.secrets());
        ConfigRules.checkWrite(command.id(), newState, values.keySet(), index);
        Map<String, SealedSecret> sealed = new TreeMap<>();
        values.forEach((name, value) -> sealed.put(name, sealer.seal(command.id(), name, value)));
        apply(new ConfigEntityCreatedEvent(command.id(), 0, newState, sealed,
                ChangedFields.between(null, newState, Map.of(), sealed)));
    }

    @CommandHandler
    public long handle(UpdateConfigEntityCommand command, ConfigIndex index, SecretSealer sealer) {
        requireLive(command.state().type());
        return update(command.expectedVersion(), command.state(), command.secretsToSet(), command.secretsToRemove(),
                index, sealer);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(UpdateSettingsCommand command, ConfigIndex index, SecretSealer sealer) {
        if (state != null) {
            requireLive(EntityType.SETTINGS);
            return update(command.expectedVersion(), command.state(), Map.of(), Set.of(), index, sealer);
        }
        if (command.expectedVersion() != null && command.expectedVersion() != NEVER_WRITTEN) {
            throw new DomainException(ErrorCode.VERSION_CONFLICT, "The settings have never been written; "
                    + "expected version " + NEVER_WRITTEN + ", not " + command.expectedVersion());
        }
        ConfigRules.checkWrite(SettingsState.ID, command.state(), Set.of(), index);
        apply(new ConfigEntityCreatedEvent(SettingsState.ID, 0, command.state(), Map.of(),
                ChangedFields.between(SettingsState.defaults(), command.state(), Map.of(), Map.of())));
        return 0;
    }

    @CommandHandler
    public void handle(DeleteConfigEntityCommand command, ConfigIndex index) {
        requireLive(command.type());
        if (state.type().isSingleton()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "Settings cannot be deleted");
        }
        requireVersion(command.expectedVersion());
        ConfigRules.checkAdministratorsRemain(id, null, state.type(), index);
        ConfigRules.checkDelete(id, state.type(), index);
        apply(new ConfigEntityDeletedEvent(id, version + 1, state, secrets, ChangedFields.between(null, state,
                Map.of(), secrets)));
    }

    private long update(Long expectedVersion, EntityState newState, Map<String, SecretValue> toSet,
                        Set<String> toRemove, ConfigIndex index, SecretSealer sealer) {
        requireVersion(expectedVersion);
        Map<String, SealedSecret> newSecrets = new TreeMap<>(secrets);
        toRemove.forEach(newSecrets::remove);
        toSet.forEach((name, value) -> {
            SealedSecret current = secrets.get(name);
            boolean unchanged = current != null && current.fingerprint().equals(sealer.fingerprint(id, name, value));
            newSecrets.put(name, unchanged ? current : sealer.seal(id, name, value));
        });
        ConfigRules.checkWrite(id, newState, newSecrets.keySet(), index);
        ProfileKeys.checkUnchanged(newState.type(), secrets, newSecrets);
        if (state instanceof AdapterState before && newState instanceof AdapterState after
                && before.kind() != after.kind()) {
            ConfigRules.checkKindChange(id, after.kind(), index);
        }
        var changed = ChangedFields.between(state, newState, secrets, newSecrets);
        if (changed.isEmpty()) {
            return version;
        }
        ConfigRules.checkAdministratorsRemain(id, newState, newState.type(), index);
        apply(new ConfigEntityUpdatedEvent(id, version + 1, newState, newSecrets, changed));
        return version;
    }

    private void requireLive(EntityType expectedType) {
        if (deleted || state.type() != expectedType) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No " + expectedType.label() + " with id " + id);
        }
    }

    private void requireVersion(Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != version) {
            throw new DomainException(ErrorCode.VERSION_CONFLICT, "The " + state.type().label() + " is at version "
                    + version + ", not " + expectedVersion + "; read it again and reapply the change",
                    Map.of("currentVersion", version));
        }
    }

    @EventSourcingHandler
    void on(ConfigEntityCreatedEvent event) {
        this.id = event.id();
        record(event);
    }

    @EventSourcingHandler
    void on(ConfigEntityUpdatedEvent event) {
        record(event);
    }

    @EventSourcingHandler
    void on(ConfigEntityDeletedEvent event) {
        record(event);
        this.deleted = true;
    }

    private void record(ConfigEntityEvent event) {
        this.state = event.state();
        this.secrets = event.secrets();
        this.version = event.version();
        this.deleted = false;
    }
}
