package io.metabackup.restore;

import io.metabackup.api.config.EntityType;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import io.metabackup.api.restore.RestoreMode;
import io.metabackup.api.restore.RestoreOutcome;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a restore did, or with {@code dryRun} would do: one item per entity and the warnings a user should read
 * first. A real run returns the same report as its dry run.
 */
public record RestoreReport(UUID restoreId, boolean dryRun, boolean applied, RestoreMode mode, List<String> sections,
                            Map<RestoreOutcome.Action, Integer> counts, List<Item> items, List<Warning> warnings) {

    public record Item(String type, UUID id, String name, RestoreOutcome.Action action, List<String> changedFields,
                       String reason, Set<String> missingSecrets, Failure error) {
    }

    public record Failure(String code, String message) {
    }

    public enum WarningKind {
        SECRETS_NEED_REENTRY, DANGLING_REFERENCE, NAME_CLASH, FAILED
    }

    public record Warning(WarningKind kind, String type, UUID id, String name, String message) {
    }

    /** Collects items as the restore goes, deriving the warnings from them. */
    static final class Builder {

        private final List<Item> items = new ArrayList<>();
        private final List<Warning> warnings = new ArrayList<>();
        private final Map<RestoreOutcome.Action, Integer> counts = new EnumMap<>(RestoreOutcome.Action.class);
        private boolean failed;

        void add(EntityType type, UUID id, String name, RestoreOutcome outcome) {
            items.add(new Item(type.path(), id, name, outcome.action(), outcome.changedFields(), outcome.reason(),
                    outcome.missingSecrets(), null));
            counts.merge(outcome.action(), 1, Integer::sum);
            if (!outcome.missingSecrets().isEmpty()) {
                warnings.add(new Warning(WarningKind.SECRETS_NEED_REENTRY, type.path(), id, name,
                        "the backup holds no value for " + outcome.missingSecrets() + "; enter it again"));
            }
            if (outcome.action() == RestoreOutcome.Action.SKIP && outcome.reason() != null
                    && outcome.reason().contains("is taken by")) {
                warnings.add(new Warning(WarningKind.NAME_CLASH, type.path(), id, name, outcome.reason()));
            }
        }

        void fail(EntityType type, UUID id, String name, RestoreOutcome.Action attempted, DomainException error) {
            failed = true;
            items.add(new Item(type.path(), id, name, attempted, List.of(), null, Set.of(),
                    new Failure(error.code().name(), error.getMessage())));
            warnings.add(new Warning(kindOf(error.code()), type.path(), id, name, error.getMessage()));
        }

        boolean failed() {
            return failed;
        }

        RestoreReport build(UUID restoreId, RestoreOptions options, boolean applied) {
            List<String> sections = options.sections().stream().sorted().map(EntityType::documentKey).toList();
            return new RestoreReport(restoreId, options.dryRun(), applied, options.mode(), sections, counts, items,
                    warnings);
        }

        Map<RestoreOutcome.Action, Integer> counts() {
            return counts;
        }

        private static WarningKind kindOf(ErrorCode code) {
            return switch (code) {
                case INVALID_REFERENCE, IN_USE -> WarningKind.DANGLING_REFERENCE;
                case DUPLICATE_NAME -> WarningKind.NAME_CLASH;
                default -> WarningKind.FAILED;
            };
        }
    }
}
