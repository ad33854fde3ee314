package io.metabackup.command.config;

import io.metabackup.api.config.ChangedFields;
import io.metabackup.api.config.ConfigEntityCreatedEvent;
import io.metabackup.api.config.ConfigEntityDeletedEvent;
import io.metabackup.api.config.ConfigEntityEvent;
import io.metabackup.api.config.ConfigEntityUpdatedEvent;
import io.metabackup.api.config.EntityState;
import io.metabackup.api.config.SealedSecret;
import io.metabackup.api.config.SecretValue;
import io.metabackup.command.secrets.SecretSealer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link ConfigEntity} fixture with its resources: an in-memory {@link ConfigIndex} and a real
 * {@link SecretSealer} over in-memory data keys. The test's own sealer shares the data keys with the aggregate's,
 * so "given" events are sealed exactly as the aggregate would seal them and fingerprints can be compared.
 */
abstract class ConfigEntityTestSupport {

    protected FixtureConfiguration<ConfigEntity> fixture;
    protected InMemoryConfigIndex index;
    protected SecretSealer sealer;

    @BeforeEach
    void setUpFixture() {
        index = new InMemoryConfigIndex();
        sealer = new SecretSealer(new InMemoryDataKeys());
        fixture = new AggregateTestFixture<>(ConfigEntity.class);
        fixture.registerInjectableResource(index);
        fixture.registerInjectableResource(sealer);
    }

    /** An entity as if created by a command: the created event, recorded in the index. */
    protected ConfigEntityCreatedEvent existing(UUID id, EntityState state) {
        return existing(id, state, Map.of());
    }

    /** An entity as if created by a command with {@code secrets} (plaintext by name). */
    protected ConfigEntityCreatedEvent existing(UUID id, EntityState state, Map<String, String> secrets) {
        Map<String, SealedSecret> sealed = seal(id, secrets);
        index.add(id, state);
        return new ConfigEntityCreatedEvent(id, 0, state, sealed, ChangedFields.between(null, state, Map.of(), sealed));
    }

    /** The entity after {@code previous} with a new state, keeping its secrets. */
    protected ConfigEntityUpdatedEvent updated(ConfigEntityEvent previous, EntityState state) {
        index.add(previous.id(), state);
        return new ConfigEntityUpdatedEvent(previous.id(), previous.version() + 1, state, previous.secrets(),
                ChangedFields.between(previous.state(), state, previous.secrets(), previous.secrets()));
    }

    protected ConfigEntityDeletedEvent deleted(ConfigEntityEvent previous) {
        return new ConfigEntityDeletedEvent(previous.id(), previous.version() + 1, previous.state(),
                previous.secrets(), ChangedFields.between(null, previous.state(), Map.of(), previous.secrets()));
    }

    protected Map<String, SealedSecret> seal(UUID id, Map<String, String> secrets) {
        Map<String, SealedSecret> sealed = new TreeMap<>();
        secrets.forEach((name, value) -> sealed.put(name, sealer.seal(id, name, new SecretValue(value))));
        return sealed;
    }

    protected static Map<String, SecretValue> secrets(String name, String value) {
        return Map.of(name, new SecretValue(value));
    }

    /** {@code secret} holds {@code plaintext} sealed for this entity and name, and does not show it. */
    protected void assertSealed(UUID id, String name, SealedSecret secret, String plaintext) {
        assertThat(secret).as("sealed secret %s", name).isNotNull();
        assertThat(secret.ciphertext()).as("ciphertext of %s", name).isNotEqualTo(plaintext).doesNotContain(plaintext);
        String rawBytes = new String(Base64.getDecoder().decode(secret.ciphertext()), StandardCharsets.ISO_8859_1);
        assertThat(rawBytes).as("decoded ciphertext of %s", name).doesNotContain(plaintext);
        assertThat(secret.fingerprint()).as("fingerprint of %s", name)
                .doesNotContain(plaintext)
                .isEqualTo(sealer.fingerprint(id, name, new SecretValue(plaintext)));
        assertThat(sealer.open(id, name, secret).reveal()).as("opened %s", name).isEqualTo(plaintext);
    }
}
