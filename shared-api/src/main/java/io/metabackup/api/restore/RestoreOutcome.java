package io.metabackup.api.restore;

import java.util.List;
import java.util.Set;

/**
 * What restoring one entity did (or, in a dry run, would do).
 *
 * @param missingSecrets secrets the entity lacks afterwards because the backup held only placeholders for them
 */
public record RestoreOutcome(Action action, List<String> changedFields, String reason, Set<String> missingSecrets) {

    public enum Action {
        CREATE, UPDATE, UNCHANGED, SKIP, DELETE
    }

    public RestoreOutcome {
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
        missingSecrets = missingSecrets == null ? Set.of() : Set.copyOf(missingSecrets);
    }

    public static RestoreOutcome skipped(String reason) {
        return new RestoreOutcome(Action.SKIP, List.of(), reason, Set.of());
    }
}
