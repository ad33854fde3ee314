package io.metabackup.command.secrets;

import io.metabackup.api.crypto.AesGcm;
import io.metabackup.api.crypto.RandomBytes;
import io.metabackup.api.crypto.WrongKeyException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Data keys in the {@code data_key} table, wrapped by the instance's key-encryption key. Because events only hold
 * values sealed with these data keys, rotating {@code ENCRYPTION_KEY} re-wraps this table and never touches events.
 */
@Component
public class JdbcDataKeys implements DataKeys, SmartInitializingSingleton {

    private final JdbcTemplate jdbc;
    private final KeyEncryptionKey kek;

    public JdbcDataKeys(JdbcTemplate jdbc, KeyEncryptionKey kek) {
        this.jdbc = jdbc;
        this.kek = kek;
    }

    /**
     * One round trip whether the key exists or not: a new key is offered, and the row that stands afterwards comes
     * back. Should a concurrent transaction insert the same entity's key first, the statement sees neither row
     * and asks again.
     */
    @Override
    public byte[] dataKeyFor(UUID entityId) {
        byte[] offered = RandomBytes.of(AesGcm.KEY_BYTES);
        List<byte[]> wrapped = jdbc.query("""
                        with inserted as (
                            insert into data_key (entity_id, wrapped_key, kek_id) values (?, ?, ?)
                            on conflict (entity_id) do nothing returning wrapped_key)
                        select null from inserted
                        union all
                        select wrapped_key from data_key where entity_id = ? and not exists (select 1 from inserted)""",
                (rs, i) -> rs.getBytes(1), entityId, kek.wrap(offered, context(entityId)), kek.id(), entityId);
        if (wrapped.isEmpty()) {
            return dataKeyFor(entityId);
        }
        return wrapped.get(0) == null ? offered : kek.unwrap(wrapped.get(0), context(entityId));
    }

    /** Refuses to start with a key that cannot open the data keys already stored, rather than corrupt anything. */
    @Override
    public void afterSingletonsInstantiated() {
        List<String> otherKeys = jdbc.queryForList(
                "select distinct kek_id from data_key where kek_id <> ?", String.class, kek.id());
        if (!otherKeys.isEmpty()) {
            throw new KeyMismatchException("ENCRYPTION_KEY (id " + kek.id() + ") is not the key that protects the "
                    + "stored secrets (wrapped with key id " + String.join(", ", otherKeys) + "). Start with the "
                    + "original key, or rotate from it to the new one.");
        }
        jdbc.query("select entity_id, wrapped_key from data_key limit 1", rs -> {
            try {
                kek.unwrap(rs.getBytes(2), context(rs.getObject(1, UUID.class)));
            } catch (WrongKeyException e) {
                throw new KeyMismatchException("ENCRYPTION_KEY cannot open the stored data keys: " + e.getMessage());
            }
        });
    }

    /**
     * Re-wraps every data key from {@code from} to {@code to} in the caller's transaction; the events, which hold
     * only values sealed with the data keys, are untouched. Returns how many keys were re-wrapped.
     */
    public static int rewrapAll(JdbcTemplate jdbc, KeyEncryptionKey from, KeyEncryptionKey to) {
        List<UUID> entities = jdbc.queryForList("select entity_id from data_key where kek_id = ? order by entity_id",
                UUID.class, from.id());
        for (UUID entity : entities) {
            byte[] wrapped = jdbc.queryForObject("select wrapped_key from data_key where entity_id = ? for update",
                    byte[].class, entity);
            byte[] dataKey = from.unwrap(wrapped, context(entity));
            jdbc.update("update data_key set wrapped_key = ?, kek_id = ? where entity_id = ?",
                    to.wrap(dataKey, context(entity)), to.id(), entity);
        }
        Integer left = jdbc.queryForObject("select count(*) from data_key where kek_id <> ?", Integer.class, to.id());
        if (left != null && left > 0) {
            throw new KeyMismatchException(left + " data keys are wrapped by neither the old nor the new key");
        }
        return entities.size();
    }

    private static String context(UUID entityId) {
        return "metabackup/data-key/" + entityId;
    }
}
