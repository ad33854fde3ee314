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
import io.metabackup.api.restore.RestoreConfigEntityCommand;
import io.metabackup.api.restore.RestoreMode;
import io.metabackup.api.restore.RestoreNewConfigEntityCommand;
import io.metabackup.api.restore.RestoreOutcome;
import io.metabackup.command.secrets.SecretSealer;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One configuration entity of any type. Every type follows the same life (created, updated, deleted) and keeps its
 * secrets the same way; what differs per type lives in the {@link EntityState} records and {@link ConfigRules}.
 * A deleted entity stays loadable (it is not marked deleted in Axon's sense) so that a restore can bring it back.
 */
@Aggregate(commandTargetResolver = ConfigEntityTargets.NAME)
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
        ConfigRules.checkAdministratorsRemain(id, state, null, index);
        ConfigRules.checkDelete(id, state.type(), index);
        apply(new ConfigEntityDeletedEvent(id, version + 1, state, secrets, ChangedFields.between(null, state,
                Map.of(), secrets)));
    }

    /**
     * Brings the entity to its state in a backup. A deleted entity comes back under its own id; MERGE leaves
     * existing entities alone; placeholders never overwrite a secret that is set.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RestoreOutcome handle(RestoreConfigEntityCommand command, ConfigIndex index, SecretSealer sealer) {
        return restore(command, index, sealer);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public RestoreOutcome handle(RestoreNewConfigEntityCommand command, ConfigIndex index, SecretSealer sealer) {
        return restore(command.restore(), index, sealer);
    }

    private RestoreOutcome restore(RestoreConfigEntityCommand command, ConfigIndex index, SecretSealer sealer) {
        EntityState target = command.state();
        boolean live = state != null && !deleted;
        if (state != null && state.type() != target.type()) {
            throw new DomainException(ErrorCode.ALREADY_EXISTS, "Id " + command.id() + " belongs to a "
                    + state.type().label() + " here, but to a " + target.type().label() + " in the backup");
        }
        if (live && command.mode() == RestoreMode.MERGE) {
            return RestoreOutcome.skipped("exists already; MERGE changes nothing that exists");
        }
        if (command.mode() == RestoreMode.MERGE) {
            var holder = index.idOfName(target.type(), target.naturalKey())
                    .filter(other -> !other.equals(command.id()) && !command.leaving().contains(other));
            if (holder.isPresent()) {
                return RestoreOutcome.skipped("the name \"" + target.naturalKey() + "\" is taken by " + holder.get());
            }
        }
        ProfileKeys.checkGiven(target.type(), command.secrets());
        Map<String, SealedSecret> before = live ? secrets : Map.of();
        Map<String, SealedSecret> after = new TreeMap<>();
        command.secrets().forEach((name, value) ->
                after.put(name, sealedOrUnchanged(command.id(), before.get(name), name, value, sealer)));
        Set<String> missing = new TreeSet<>();
        for (String name : command.omittedSecrets()) {
            if (before.containsKey(name)) {
                after.put(name, before.get(name));
            } else {
                missing.add(name);
            }
        }
        // what stays as it is breaks no rule it did not break before: an unchanged entity costs no look-ups
        List<String> changed = live ? ChangedFields.between(state, target, secrets, after)
                : ChangedFields.between(null, target, Map.of(), after);
        if (live && changed.isEmpty()) {
            return new RestoreOutcome(RestoreOutcome.Action.UNCHANGED, changed, null, missing);
        }
        Set<String> declared = new TreeSet<>(after.keySet());
        declared.addAll(missing);
        ConfigRules.checkWrite(command.id(), target, declared, index, command.leaving());
        if (!live) {
            apply(new ConfigEntityCreatedEvent(command.id(), state == null ? 0 : version + 1, target, after, changed));
            return new RestoreOutcome(RestoreOutcome.Action.CREATE, changed, null, missing);
        }
        ProfileKeys.checkUnchanged(target.type(), secrets, after);
        checkKindChange(target, index);
        ConfigRules.checkAdministratorsRemain(id, state, target, index);
        apply(new ConfigEntityUpdatedEvent(id, version + 1, target, after, changed));
        return new RestoreOutcome(RestoreOutcome.Action.UPDATE, changed, null, missing);
    }

    private long update(Long expectedVersion, EntityState newState, Map<String, SecretValue> toSet,
                        Set<String> toRemove, ConfigIndex index, SecretSealer sealer) {
        requireVersion(expectedVersion);
        ProfileKeys.checkGiven(newState.type(), toSet);
        Map<String, SealedSecret> newSecrets = new TreeMap<>(secrets);
        toRemove.forEach(newSecrets::remove);
        toSet.forEach((name, value) ->
                newSecrets.put(name, sealedOrUnchanged(id, secrets.get(name), name, value, sealer)));
        ConfigRules.checkWrite(id, newState, newSecrets.keySet(), index);
        ProfileKeys.checkUnchanged(newState.type(), secrets, newSecrets);
        checkKindChange(newState, index);
        var changed = ChangedFields.between(state, newState, secrets, newSecrets);
        if (changed.isEmpty()) {
            return version;
        }
        ConfigRules.checkAdministratorsRemain(id, state, newState, index);
        apply(new ConfigEntityUpdatedEvent(id, version + 1, newState, newSecrets, changed));
        return version;
    }

    /** The sealed value already held when it seals the same value, so that setting a secret again changes nothing. */
    private static SealedSecret sealedOrUnchanged(UUID entityId, SealedSecret current, String name, SecretValue value,
                                                  SecretSealer sealer) {
        boolean unchanged = current != null
                && current.fingerprint().equals(sealer.fingerprint(entityId, name, value));
        return unchanged ? current : sealer.seal(entityId, name, value);
    }

    private void checkKindChange(EntityState newState, ConfigIndex index) {
        if (state instanceof AdapterState before && newState instanceof AdapterState after
                && before.kind() != after.kind()) {
            ConfigRules.checkKindChange(id, after.kind(), index);
        }
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
