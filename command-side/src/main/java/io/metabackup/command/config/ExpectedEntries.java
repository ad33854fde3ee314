package io.metabackup.command.config;

import io.metabackup.api.config.EntityType;
import io.metabackup.command.config.ConfigIndex.Entry;
import io.metabackup.command.config.ConfigIndex.WriteView;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The index entries a transaction said it would ask about (see {@link JdbcConfigIndex#expect}), read once, and
 * kept current with the entries the transaction itself creates. It answers only questions it holds every answer
 * to, and not at all once the transaction has changed or deleted an entry.
 */
final class ExpectedEntries {

    private final Set<Name> askedNames = new HashSet<>();
    private final Map<Name, UUID> holders = new HashMap<>();
    private final Set<UUID> askedIds = new HashSet<>();
    private final Map<UUID, Entry> entries = new HashMap<>();
    private boolean current = true;

    /** A name as the unique index compares it: per type, ignoring case. */
    record Name(EntityType type, String lowerCase) {
        static Name of(EntityType type, String naturalKey) {
            return new Name(type, naturalKey.toLowerCase(Locale.ROOT));
        }
    }

    void asked(Collection<Name> names, Collection<UUID> ids) {
        askedNames.addAll(names);
        askedIds.addAll(ids);
    }

    void found(Name asked, Entry holder) {
        holders.put(asked, holder.id());
    }

    void found(Entry entry) {
        entries.put(entry.id(), entry);
    }

    void created(Entry entry) {
        Name name = Name.of(entry.type(), entry.naturalKey());
        askedNames.add(name);
        holders.put(name, entry.id());
        askedIds.add(entry.id());
        entries.put(entry.id(), entry);
    }

    /** An entry changed or went: what was read may no longer be true. */
    void outdated() {
        current = false;
    }

    /** What {@link ConfigIndex#viewForWrite} would answer, if every part of the answer is known here. */
    Optional<WriteView> viewForWrite(EntityType type, String naturalKey, Collection<UUID> references) {
        Name name = Name.of(type, naturalKey);
        if (!current || !askedNames.contains(name) || !askedIds.containsAll(references)) {
            return Optional.empty();
        }
        Map<UUID, Entry> found = new HashMap<>();
        references.stream().map(entries::get).filter(Objects::nonNull).forEach(entry -> found.put(entry.id(), entry));
        return Optional.of(new WriteView(Optional.ofNullable(holders.get(name)), found));
    }
}
