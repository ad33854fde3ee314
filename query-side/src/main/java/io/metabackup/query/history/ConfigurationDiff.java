package io.metabackup.query.history;

import io.metabackup.api.config.EntityRecord;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.history.ConfigurationState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * What differs between two points of the history: entities added, removed and changed (with field changes).
 * The settings singleton always exists (as defaults before its first write), so it can only change.
 */
public record ConfigurationDiff(Point from, Point to, List<EntityRef> added, List<EntityRef> removed,
                                List<EntityChange> changed) {

    private static final Comparator<EntityRef> ORDER =
            Comparator.comparing(EntityRef::type).thenComparing(EntityRef::name).thenComparing(EntityRef::id);

    public static ConfigurationDiff between(ConfigurationState from, long fromPosition,
                                            ConfigurationState to, long toPosition) {
        List<EntityRef> added = new ArrayList<>();
        List<EntityRef> removed = new ArrayList<>();
        List<EntityChange> changed = new ArrayList<>();
        for (EntityType type : EntityType.values()) {
            if (type.isSingleton()) {
                compare(from.settings(), to.settings(), changed);
                continue;
            }
            for (EntityRecord before : from.entitiesOf(type)) {
                to.find(before.id()).ifPresentOrElse(after -> compare(before, after, changed),
                        () -> removed.add(EntityRef.of(before)));
            }
            to.entitiesOf(type).stream().filter(after -> from.find(after.id()).isEmpty())
                    .forEach(after -> added.add(EntityRef.of(after)));
        }
        added.sort(ORDER);
        removed.sort(ORDER);
        changed.sort(Comparator.comparing(EntityChange::type).thenComparing(EntityChange::name)
                .thenComparing(EntityChange::id));
        return new ConfigurationDiff(new Point(fromPosition, from.timestamp()), new Point(toPosition, to.timestamp()),
                added, removed, changed);
    }

    private static void compare(EntityRecord before, EntityRecord after, List<EntityChange> changed) {
        if (before.version() == after.version() && before.equals(after)) {
            return;
        }
        List<FieldChange> changes = FieldChanges.between(before, after);
        if (!changes.isEmpty()) {
            changed.add(new EntityChange(after.type().path(), after.id(), after.state().naturalKey(), changes));
        }
    }

    /** @param instant the time of the last configuration event the point covers ({@code null} before any) */
    public record Point(long position, Instant instant) {
    }

    public record EntityRef(String type, UUID id, String name) {

        static EntityRef of(EntityRecord record) {
            return new EntityRef(record.type().path(), record.id(), record.state().naturalKey());
        }
    }

    public record EntityChange(String type, UUID id, String name, List<FieldChange> changes) {
    }
}
