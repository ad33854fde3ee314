package io.metabackup.command.config;

import io.metabackup.api.config.AdapterKind;
import io.metabackup.api.config.AdapterState;
import io.metabackup.api.config.ConfigEntityCreatedEvent;
import io.metabackup.api.config.ConfigEntityDeletedEvent;
import io.metabackup.api.config.ConfigEntityEvent;
import io.metabackup.api.config.ConfigEntityUpdatedEvent;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.config.GroupState;
import io.metabackup.api.config.Reference;
import io.metabackup.api.config.UserState;
import io.metabackup.api.persistence.BatchedWrites;
import io.metabackup.api.persistence.TransactionScoped;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The command side's own lookup of names and references, kept in the same transaction as the events (a
 * subscribing processor). It also knows which users are enabled and which groups hold which permissions, for the
 * rules of access control ({@link #access()}). Its unique index and deferred foreign keys are the last line of
 * defence when two commands race past the checks in {@link ConfigRules}.
 * <p>
 * A created entity's entry is a batched write ({@link BatchedWrites}): a restore creates thousands of entities in
 * one transaction, and each would otherwise cost a round trip. The look-ups that the rules make before every write
 * ({@link #viewForWrite}, {@link #idOfName}) add the entries still waiting to what they read; every other read, and
 * every other write, first sends what is waiting, so that the table itself is the whole truth again.
 */
@Component
@ProcessingGroup(JdbcConfigIndex.PROCESSING_GROUP)
public class JdbcConfigIndex implements ConfigIndex {

    public static final String PROCESSING_GROUP = "config-index";
    /** An arbitrary constant naming the lock that serialises changes of users and groups. */
    private static final long ACCESS_LOCK = 0x6d6574615f616363L;

    private static final RowMapper<Entry> ENTRY = (rs, i) -> new Entry(rs.getObject("id", UUID.class),
            EntityType.valueOf(rs.getString("type")), rs.getString("natural_key"),
            rs.getString("adapter_kind") == null ? null : AdapterKind.valueOf(rs.getString("adapter_kind")));

    private static final String TABLE = "config_index";
    private static final String INSERT_ENTRY = """
            insert into config_index (id, type, natural_key, adapter_kind, enabled, permissions)
            values (?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final BatchedWrites batch;
    private final TransactionScoped<ExpectedEntries> expected = new TransactionScoped<>(ExpectedEntries::new);

    public JdbcConfigIndex(JdbcTemplate jdbc, BatchedWrites batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The entry and its references in one statement, whose arguments start with the entry's columns. */
    @EventHandler
    void on(ConfigEntityCreatedEvent event) {
        List<Reference> references = event.state().references();
        Object[] entry = {event.id(), event.type().name(), event.state().naturalKey(), adapterKind(event),
                enabled(event), permissions(event)};
        expected.peek().ifPresent(known -> known.created(entryOf(entry)));
        if (references.isEmpty()) {
            batch.add(TABLE, INSERT_ENTRY, entry);
            return;
        }
        batch.add(TABLE, "with entry as (" + INSERT_ENTRY + ")" + """
                         insert into config_reference (from_id, field, to_id, required_kind)
                         select ?, field, to_id, required_kind from unnest(?::text[], ?::uuid[], ?::text[])
                             as r (field, to_id, required_kind)""",
                entry[0], entry[1], entry[2], entry[3], entry[4], entry[5], event.id(),
                references.stream().map(Reference::field).toArray(String[]::new),
                references.stream().map(r -> r.targetId().toString()).toArray(String[]::new),
                references.stream().map(r -> r.requiredKind() == null ? null : r.requiredKind().name())
                        .toArray(String[]::new));
    }

    @EventHandler
    void on(ConfigEntityUpdatedEvent event) {
        expected.peek().ifPresent(ExpectedEntries::outdated);
        batch.flush();
        jdbc.update("update config_index set natural_key = ?, adapter_kind = ?, enabled = ?, permissions = ? "
                        + "where id = ?",
                event.state().naturalKey(), adapterKind(event), enabled(event), permissions(event), event.id());
        jdbc.update("delete from config_reference where from_id = ?", event.id());
        insertReferences(event);
    }

    @EventHandler
    void on(ConfigEntityDeletedEvent event) {
        expected.peek().ifPresent(ExpectedEntries::outdated);
        batch.flush();
        jdbc.update("delete from config_reference where from_id = ?", event.id());
        jdbc.update("delete from config_index where id = ?", event.id());
    }

    @Override
    public Optional<UUID> idOfName(EntityType type, String naturalKey) {
        return viewForWrite(type, naturalKey, List.of()).nameHolder();
    }

    @Override
    public WriteView viewForWrite(EntityType type, String naturalKey, Collection<UUID> references) {
        Optional<WriteView> known = expected.peek().flatMap(entries -> entries.viewForWrite(type, naturalKey,
                references));
        if (known.isPresent()) {
            return known.get();
        }
        Map<UUID, Entry> found = new HashMap<>();
        UUID[] holder = {null};
        // shared locks: nobody changes or deletes what this write relies on (a referenced adapter's kind, say)
        // before this transaction ends; see referrersOf
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    select *, type = ? and natural_key_lower = lower(?) as holds_name from config_index
                     where (type = ? and natural_key_lower = lower(?)) or id = any(?)
                       for share""");
            statement.setString(1, type.name());
            statement.setString(2, naturalKey);
            statement.setString(3, type.name());
            statement.setString(4, naturalKey);
            statement.setArray(5, connection.createArrayOf("uuid", references.toArray()));
            return statement;
        }, (RowCallbackHandler) rs -> {
            Entry entry = ENTRY.mapRow(rs, 0);
            if (rs.getBoolean("holds_name")) {
                holder[0] = entry.id();
            }
            if (references.contains(entry.id())) {
                found.put(entry.id(), entry);
            }
        });
        waitingEntries().forEach(entry -> {
            if (holdsName(entry, type, naturalKey)) {
                holder[0] = entry.id();
            }
            if (references.contains(entry.id())) {
                found.put(entry.id(), entry);
            }
        });
        return new WriteView(Optional.ofNullable(holder[0]), found);
    }

    @Override
    public List<Referrer> referrersOf(UUID id) {
        batch.flush();
        // The lock waits for, and then holds off, every transaction that has read this entry to refer to it
        // (viewForWrite, expect): who refers to it is then settled until this transaction ends. It is a statement
        // of its own, so that the query after it sees what those transactions committed.
        jdbc.queryForList("select id from config_index where id = ? for no key update", UUID.class, id);
        return jdbc.query("""
                        select r.from_id, i.type, i.natural_key, r.field, r.required_kind
                          from config_reference r join config_index i on i.id = r.from_id
                         where r.to_id = ? order by i.type, i.natural_key, r.field""",
                (rs, i) -> new Referrer(rs.getObject(1, UUID.class), EntityType.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4),
                        rs.getString(5) == null ? null : AdapterKind.valueOf(rs.getString(5))),
                id);
    }

    @Override
    public boolean anyOfType(EntityType type) {
        batch.flush();
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from config_index where type = ?)", Boolean.class, type.name()));
    }

    @Override
    public AccessView access() {
        batch.flush();
        jdbc.queryForList("select pg_advisory_xact_lock(?)", ACCESS_LOCK);
        Map<UUID, AccessView.UserAccess> users = new HashMap<>();
        jdbc.query("""
                        select i.id, i.enabled,
                               array(select r.to_id from config_reference r
                                      where r.from_id = i.id and r.field like 'groupIds[%' order by r.field) as groups
                          from config_index i where i.type = 'USER'""",
                (RowCallbackHandler) rs -> users.put(rs.getObject("id", UUID.class), new AccessView.UserAccess(
                        !Boolean.FALSE.equals(rs.getObject("enabled", Boolean.class)),
                        Arrays.asList((UUID[]) rs.getArray("groups").getArray()))));
        Map<UUID, Set<String>> groups = new HashMap<>();
        jdbc.query("select id, permissions from config_index where type = 'GROUP'",
                (RowCallbackHandler) rs -> groups.put(rs.getObject("id", UUID.class), rs.getArray("permissions") == null
                        ? Set.of() : Set.of((String[]) rs.getArray("permissions").getArray())));
        return new AccessView(users, groups);
    }

    /**
     * Reads, in one go, the holders of {@code names} and the entries of {@code ids}, which the writes that follow in
     * this transaction will ask about (a restore knows them all before it starts): their look-ups are then answered
     * from memory, together with the entries the transaction creates, until it changes or deletes an entry. The
     * entries read stay locked (shared) until the transaction ends, so nobody changes or deletes them meanwhile; a
     * name that nobody held when it was read may still be taken by another transaction, which the deferred unique
     * constraint refuses when this one commits, and it then fails whole. Outside a transaction this does nothing.
     */
    public void expect(Map<EntityType, Set<String>> names, Set<UUID> ids) {
        Optional<ExpectedEntries> entries = expected.get();
        if (entries.isEmpty()) {
            return;
        }
        batch.flush();
        ExpectedEntries known = entries.get();
        List<String> types = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<ExpectedEntries.Name> asked = new ArrayList<>();
        names.forEach((type, keysOfType) -> keysOfType.forEach(key -> {
            types.add(type.name());
            keys.add(key);
            asked.add(ExpectedEntries.Name.of(type, key));
        }));
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    select i.*, asked.natural_key as asked
                      from unnest(?::text[], ?::text[]) as asked (type, natural_key)
                      join config_index i on i.type = asked.type and i.natural_key_lower = lower(asked.natural_key)
                       for share of i""");
            statement.setArray(1, connection.createArrayOf("text", types.toArray()));
            statement.setArray(2, connection.createArrayOf("text", keys.toArray()));
            return statement;
        }, (RowCallbackHandler) rs -> known.found(ExpectedEntries.Name.of(EntityType.valueOf(rs.getString("type")),
                rs.getString("asked")), ENTRY.mapRow(rs, 0)));
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("select * from config_index where id = any(?) for share");
            statement.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            return statement;
        }, (RowCallbackHandler) rs -> known.found(ENTRY.mapRow(rs, 0)));
        known.asked(asked, ids);
    }

    /** Entries created in this transaction and not yet sent (see {@link #on(ConfigEntityCreatedEvent)}). */
    private Stream<Entry> waitingEntries() {
        return batch.waiting(TABLE).stream().map(JdbcConfigIndex::entryOf);
    }

    /** The entry whose columns start the arguments of an insert (see {@link #on(ConfigEntityCreatedEvent)}). */
    private static Entry entryOf(Object[] insertArguments) {
        return new Entry((UUID) insertArguments[0], EntityType.valueOf((String) insertArguments[1]),
                (String) insertArguments[2],
                insertArguments[3] == null ? null : AdapterKind.valueOf((String) insertArguments[3]));
    }

    /**
     * The unique index compares names by PostgreSQL's {@code lower()}; should it disagree with Java's about some
     * letter, the index still refuses the clash when the entry is sent, and the transaction fails.
     */
    private static boolean holdsName(Entry entry, EntityType type, String naturalKey) {
        return ExpectedEntries.Name.of(entry.type(), entry.naturalKey())
                .equals(ExpectedEntries.Name.of(type, naturalKey));
    }

    private void insertReferences(ConfigEntityEvent event) {
        List<Reference> references = event.state().references();
        if (references.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into config_reference (from_id, field, to_id, required_kind) values (?, ?, ?, ?)",
                references, references.size(), (ps, reference) -> {
                    ps.setObject(1, event.id());
                    ps.setString(2, reference.field());
                    ps.setObject(3, reference.targetId());
                    ps.setString(4, reference.requiredKind() == null ? null : reference.requiredKind().name());
                });
    }

    private static Boolean enabled(ConfigEntityEvent event) {
        return event.state() instanceof UserState user ? user.enabled() : null;
    }

    private static String[] permissions(ConfigEntityEvent event) {
        return event.state() instanceof GroupState group ? group.permissions().toArray(String[]::new) : null;
    }

    private static String adapterKind(ConfigEntityEvent event) {
        return event.state() instanceof AdapterState adapter && adapter.kind() != null ? adapter.kind().name() : null;
    }
}
