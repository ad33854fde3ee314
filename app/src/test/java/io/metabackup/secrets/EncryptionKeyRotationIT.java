package io.metabackup.secrets;

import io.metabackup.api.config.EntityRecord;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.crypto.HexKey;
import io.metabackup.api.crypto.WrongKeyException;
import io.metabackup.command.secrets.JdbcDataKeys;
import io.metabackup.command.secrets.KeyEncryptionKey;
import io.metabackup.command.secrets.SecretSealer;
import io.metabackup.query.config.CurrentConfiguration;
import io.metabackup.support.Entities;
import io.metabackup.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rotating ENCRYPTION_KEY re-wraps the data keys and every secret reads back; the events stay as they were. */
class EncryptionKeyRotationIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    CurrentConfiguration configuration;
    @Autowired
    KeyEncryptionKey currentKey;

    @Test
    void everySecretReadsBackWithTheNewKeyAndNotWithTheOld() {
        Entities entities = new Entities(api());
        entities.database();
        entities.profile();
        KeyEncryptionKey newKey = new KeyEncryptionKey(HexKey.parse(HexKey.generate()).orElseThrow());
        Map<String, String> before = everySecret(new SecretSealer(new JdbcDataKeys(jdbc, currentKey)));
        String eventsBefore = jdbc.queryForObject("select md5(string_agg(encode(payload, 'hex'), '' order by "
                + "global_index)) from domain_event_entry", String.class);
        assertThat(before).isNotEmpty();

        Integer rewrapped = transaction.execute(status -> JdbcDataKeys.rewrapAll(jdbc, currentKey, newKey));
        try {
            assertThat(rewrapped).isPositive();
            assertThat(everySecret(new SecretSealer(new JdbcDataKeys(jdbc, newKey)))).isEqualTo(before);
            assertThatThrownBy(() -> everySecret(new SecretSealer(new JdbcDataKeys(jdbc, currentKey))))
                    .isInstanceOf(WrongKeyException.class);
            assertThat(jdbc.queryForObject("select md5(string_agg(encode(payload, 'hex'), '' order by global_index)) "
                    + "from domain_event_entry", String.class)).isEqualTo(eventsBefore);
        } finally {
            transaction.execute(status -> JdbcDataKeys.rewrapAll(jdbc, newKey, currentKey));
        }
        assertThat(everySecret(new SecretSealer(new JdbcDataKeys(jdbc, currentKey)))).isEqualTo(before);
    }

    private Map<String, String> everySecret(SecretSealer sealer) {
        Map<String, String> values = new HashMap<>();
        for (EntityType type : EntityType.values()) {
            for (EntityRecord record : configuration.list(type)) {
                record.secrets().forEach((name, sealed) ->
                        values.put(record.id() + "/" + name, sealer.open(record.id(), name, sealed).reveal()));
            }
        }
        return values;
    }
}
