package io.metabackup.command.config;

import io.metabackup.api.config.AdapterKind;
import io.metabackup.api.config.AdapterState;
import io.metabackup.api.config.EntityState;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.config.Reference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A map-backed {@link ConfigIndex} for aggregate tests. {@link #add(UUID, EntityState)} records an entity the way the
 * JDBC index does when it sees a created event: its name, its kind and the references it makes.
 */
public final class InMemoryConfigIndex implements ConfigIndex {

    private final Map<UUID, Entry> entries = new LinkedHashMap<>();
    private final Map<UUID, List<Referrer>> referrers = new LinkedHashMap<>();
    private final Map<UUID, EntityState> states = new LinkedHashMap<>();

    /**
     * Records {@code state} under {@code id} (replacing what was recorded before), and every reference it makes as a
     * referrer of the target.
     */
    public InMemoryConfigIndex add(UUID id, EntityState state) {
        states.put(id, state);
        AdapterKind kind = state instanceof AdapterState adapter ? adapter.kind() : null;
        entries.put(id, new Entry(id, state.type(), state.naturalKey(), kind));
        referrers.values().forEach(list -> list.removeIf(r -> r.id().equals(id)));
        for (Reference reference : state.references()) {
            addReferrer(reference.targetId(), new Referrer(id, state.type(), state.naturalKey(), reference.field(),
                    reference.requiredKind()));
        }
        return this;
    }

    /** Records an entry without any state (for entities the test only needs to exist). */
    InMemoryConfigIndex addEntry(UUID id, EntityType type, String naturalKey, AdapterKind adapterKind) {
        entries.put(id, new Entry(id, type, naturalKey, adapterKind));
        return this;
    }

    /** Forgets {@code id}, as the JDBC index does when it sees a deleted event. */
    public InMemoryConfigIndex remove(UUID id) {
        entries.remove(id);
        states.remove(id);
        referrers.remove(id);
        referrers.values().forEach(list -> list.removeIf(r -> r.id().equals(id)));
        return this;
    }

    InMemoryConfigIndex addReferrer(UUID targetId, Referrer referrer) {
        referrers.computeIfAbsent(targetId, k -> new ArrayList<>()).add(referrer);
        return this;
    }

    @Override
    public Optional<UUID> idOfName(EntityType type, String naturalKey) {
        return entries.values().stream()
                .filter(e -> e.type() == type && e.naturalKey() != null && e.naturalKey().equalsIgnoreCase(naturalKey))
                .map(Entry::id)
                .findFirst();
    }

    @Override
    public WriteView viewForWrite(EntityType type, String naturalKey, Collection<UUID> references) {
        Map<UUID, Entry> found = new HashMap<>();
        references.stream().filter(entries::containsKey).forEach(id -> found.put(id, entries.get(id)));
        return new WriteView(idOfName(type, naturalKey), found);
    }

    @Override
    public List<Referrer> referrersOf(UUID id) {
        return referrers.getOrDefault(id, List.of()).stream()
                .sorted(Comparator.comparing(Referrer::type)
                        .thenComparing(Referrer::name)
                        .thenComparing(Referrer::field))
                .toList();
    }

    @Override
    public AccessView access() {
        AccessView view = new AccessView(Map.of(), Map.of());
        for (Map.Entry<UUID, EntityState> entry : states.entrySet()) {
            view = view.with(entry.getKey(), entry.getValue());
        }
        return view;
    }

    @Override
    public boolean anyOfType(EntityType type) {
        return entries.values().stream().anyMatch(e -> e.type() == type);
    }
}
