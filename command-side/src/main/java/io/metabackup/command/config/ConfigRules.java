package io.metabackup.command.config;

import io.metabackup.api.config.AdapterKind;
import io.metabackup.api.config.EntityState;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.config.FieldError;
import io.metabackup.api.config.GroupState;
import io.metabackup.api.config.UserState;
import io.metabackup.api.config.Permission;
import io.metabackup.api.config.Reference;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The rules every write of an entity must pass, in the order a user would want to hear about them. */
final class ConfigRules {

    private ConfigRules() {
    }

    static void checkWrite(UUID id, EntityState state, Collection<String> secretNames, ConfigIndex index) {
        checkWrite(id, state, secretNames, index, Set.of());
    }

    /**
     * @param leaving entities the same transaction deletes before it commits (a REPLACE restore): a name one of them
     *                holds is free, and the deferred unique constraint still guards the committed result
     */
    static void checkWrite(UUID id, EntityState state, Collection<String> secretNames, ConfigIndex index,
                           Set<UUID> leaving) {
        List<FieldError> errors = new ArrayList<>(state.validate());
        EntityType type = state.type();
        secretNames.stream()
                .filter(name -> !type.secrets().accepts(name))
                .forEach(name -> errors.add(new FieldError("secrets." + name, type.secrets().anyName()
                        ? "is not a valid secret name" : "is not a secret of " + type.path()
                        + (type.secrets().names().isEmpty() ? " (it has none)" : "; allowed: " + type.secrets().names()))));
        if (!errors.isEmpty()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "The " + type.label() + " is not valid: "
                    + describe(errors), Map.of("errors", errors));
        }
        ConfigIndex.WriteView view = index.viewForWrite(type, state.naturalKey(),
                state.references().stream().map(Reference::targetId).collect(Collectors.toSet()));
        view.nameHolder()
                .filter(other -> !other.equals(id) && !leaving.contains(other))
                .ifPresent(other -> {
                    throw new DomainException(ErrorCode.DUPLICATE_NAME, "Another " + type.label() + " is already named \""
                            + state.naturalKey() + "\"", Map.of("conflictingId", other));
                });
        checkReferences(state, view.references());
    }

    /** An adapter that others use as a given kind (a job's storage destination, say) cannot change kind. */
    static void checkKindChange(UUID id, AdapterKind newKind, ConfigIndex index) {
        List<ConfigIndex.Referrer> broken = index.referrersOf(id).stream()
                .filter(r -> r.requiredKind() != null && r.requiredKind() != newKind)
                .toList();
        if (!broken.isEmpty()) {
            throw new DomainException(ErrorCode.IN_USE, "The adapter cannot become " + newKind + ": it is used as "
                    + broken.get(0).requiredKind() + " by " + describeReferrers(broken), Map.of("referrers", broken));
        }
    }

    static void checkDelete(UUID id, EntityType type, ConfigIndex index) {
        List<ConfigIndex.Referrer> referrers = index.referrersOf(id);
        if (!referrers.isEmpty()) {
            throw new DomainException(ErrorCode.IN_USE, "The " + type.label() + " is still referenced by "
                    + describeReferrers(referrers), Map.of("referrers", referrers));
        }
    }

    /**
     * Refuses a change of a user or group (a {@code null} state deletes it) that would leave no administrator where
     * there was one. An instance without administrators (before setup) may still be built up step by step.
     */
    static void checkAdministratorsRemain(UUID id, EntityState oldState, EntityState newState, ConfigIndex index) {
        if (!mayRemoveAdministrators(oldState, newState)) {
            return;
        }
        AccessView before = index.access();
        if (!before.administrators().isEmpty() && before.with(id, newState).administrators().isEmpty()) {
            throw new DomainException(ErrorCode.LAST_ADMINISTRATOR, "This would leave no administrator (an enabled "
                    + "user holding " + new TreeSet<>(Permission.administrationCodes())
                    + " through its groups); give another user these permissions first");
        }
    }

    /**
     * Only a change that takes something away can leave no administrator: a user deleted, disabled or leaving a
     * group, a group deleted or losing a permission. Anything else skips the (set-wide) check.
     */
    private static boolean mayRemoveAdministrators(EntityState before, EntityState after) {
        if (before instanceof UserState user) {
            return !(after instanceof UserState next) || !Boolean.TRUE.equals(next.enabled())
                    || !next.groupIds().containsAll(user.groupIds());
        }
        if (before instanceof GroupState group) {
            return !(after instanceof GroupState next) || !next.permissions().containsAll(group.permissions());
        }
        return false;
    }

    private static void checkReferences(EntityState state, Map<UUID, ConfigIndex.Entry> targets) {
        List<FieldError> errors = new ArrayList<>();
        for (Reference reference : state.references()) {
            Optional<ConfigIndex.Entry> target = Optional.ofNullable(targets.get(reference.targetId()));
            if (target.isEmpty() || target.get().type() != reference.targetType()) {
                errors.add(new FieldError(reference.field(), "no " + reference.targetType().label() + " with id "
                        + reference.targetId()));
            } else if (reference.requiredKind() != null && reference.requiredKind() != target.get().adapterKind()) {
                errors.add(new FieldError(reference.field(), "adapter \"" + target.get().naturalKey() + "\" is "
                        + target.get().adapterKind() + ", not " + reference.requiredKind()));
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException(ErrorCode.INVALID_REFERENCE, "The " + state.type().label()
                    + " refers to something that does not fit: " + describe(errors), Map.of("errors", errors));
        }
    }

    private static String describe(List<FieldError> errors) {
        return String.join("; ", errors.stream().map(e -> e.field() + " " + e.message()).toList());
    }

    private static String describeReferrers(List<ConfigIndex.Referrer> referrers) {
        return String.join(", ", referrers.stream()
                .map(r -> r.type().label() + " \"" + r.name() + "\" (" + r.field() + ")").toList());
    }
}
