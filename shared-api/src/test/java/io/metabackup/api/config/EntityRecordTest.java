package io.metabackup.api.config;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EntityRecordTest {

    private static final UUID ID = UUID.randomUUID();
    private static final Map<String, SealedSecret> SECRETS = Map.of(
            "token", new SealedSecret("c1", "f1"), "apiKey", new SealedSecret("c2", "f2"));

    @Test
    void aCreatedOrUpdatedEventGivesTheEntityItDescribes() {
        EntityRecord created = EntityRecord.after(
                new ConfigEntityCreatedEvent(ID, 0, Samples.adapter(), SECRETS, List.of("name"))).orElseThrow();
        EntityRecord updated = EntityRecord.after(
                new ConfigEntityUpdatedEvent(ID, 5, Samples.adapter(), Map.of(), List.of("secrets.token")))
                .orElseThrow();

        assertThat(created).isEqualTo(new EntityRecord(ID, 0, Samples.adapter(), SECRETS));
        assertThat(created.type()).isEqualTo(EntityType.ADAPTER);
        assertThat(updated.version()).isEqualTo(5);
        assertThat(updated.secrets()).isEmpty();
    }

    @Test
    void aDeletedEventLeavesNoEntity() {
        assertThat(EntityRecord.after(new ConfigEntityDeletedEvent(ID, 2, Samples.adapter(), SECRETS, List.of())))
                .isEmpty();
    }

    @Test
    void secretsAreCopiedAndTheirNamesSorted() {
        Map<String, SealedSecret> secrets = new HashMap<>(SECRETS);
        EntityRecord record = new EntityRecord(ID, 1, Samples.adapter(), secrets);
        secrets.put("later", new SealedSecret("c3", "f3"));

        assertThat(record.secrets()).containsOnlyKeys("token", "apiKey");
        assertThat(record.secretsSet()).containsExactly("apiKey", "token");
    }
}
