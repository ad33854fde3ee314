package io.metabackup.api.restore;

import io.metabackup.api.config.ConfigEntityCommand;
import io.metabackup.api.config.EntityState;
import io.metabackup.api.config.SecretValue;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Brings one entity to its state in a backup; the aggregate decides per {@link RestoreMode} whether that creates,
 * updates, or leaves it alone.
 *
 * @param secrets        plaintext secrets the backup holds
 * @param omittedSecrets secrets the backup only marks as having had a value (placeholders): they never overwrite
 *                       an existing secret, and an entity without one is reported as missing it
 * @param leaving        entities the same restore deletes (REPLACE): the names they hold count as free
 */
public record RestoreConfigEntityCommand(@TargetAggregateIdentifier UUID id, EntityState state,
                                         Map<String, SecretValue> secrets, Set<String> omittedSecrets,
                                         RestoreMode mode, Set<UUID> leaving) implements ConfigEntityCommand {

    public RestoreConfigEntityCommand {
        secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
        omittedSecrets = omittedSecrets == null ? Set.of() : Set.copyOf(omittedSecrets);
        leaving = leaving == null ? Set.of() : Set.copyOf(leaving);
    }

    public RestoreConfigEntityCommand(UUID id, EntityState state, Map<String, SecretValue> secrets,
                                      Set<String> omittedSecrets, RestoreMode mode) {
        this(id, state, secrets, omittedSecrets, mode, Set.of());
    }
}
