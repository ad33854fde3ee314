package io.metabackup.config;

import io.metabackup.api.config.ConfigEntityCreatedEvent;
import io.metabackup.api.config.ConfigEntityUpdatedEvent;
import io.metabackup.api.config.GroupState;
import io.metabackup.support.Api;
import io.metabackup.support.Entities;
import io.metabackup.support.IntegrationTest;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventMetadataIT extends IntegrationTest {

    @Autowired
    EventStore eventStore;

    @Test
    void eventsCarryFullStateChangedFieldsAndWhoWhyWhere() {
        Api api = api();
        String name = Entities.unique("auditors");
        Api.Response created = api.send("POST", "/api/config/groups",
                Map.of("name", name, "permissions", List.of("history:read")), Map.of("X-Request-Id", "req-create-1"));
        api.send("PUT", "/api/config/groups/" + created.id(), Map.of("name", name,
                "permissions", List.of("history:read", "audit:read")), Map.of("X-Request-Id", "req-update-1"));

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(created.id()).asStream().toList();
        assertThat(events).hasSize(2);

        DomainEventMessage<?> creation = events.get(0);
        assertThat(creation.getPayload()).isInstanceOf(ConfigEntityCreatedEvent.class);
        assertThat(creation.getMetaData()).containsEntry("actorId", "anonymous").containsEntry("source", "API")
                .containsEntry("requestId", "req-create-1");

        ConfigEntityUpdatedEvent update = (ConfigEntityUpdatedEvent) events.get(1).getPayload();
        assertThat(update.version()).isEqualTo(1);
        assertThat(update.changedFields()).containsExactly("permissions");
        assertThat(update.state()).isEqualTo(new GroupState(name, List.of("audit:read", "history:read")));
        assertThat(events.get(1).getMetaData()).containsEntry("requestId", "req-update-1");
    }
}
