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
        String adminId = api.get("/api/auth/me").body().path("id").asText();
        assertThat(creation.getMetaData()).containsEntry("actorId", adminId).containsEntry("actorName", ADMIN)
                .containsEntry("source", "API").containsEntry("requestId", "req-create-1");

        ConfigEntityUpdatedEvent update = (ConfigEntityUpdatedEvent) events.get(1).getPayload();
        assertThat(update.version()).isEqualTo(1);
        assertThat(update.changedFields()).containsExactly("permissions");
        assertThat(update.state()).isEqualTo(new GroupState(name, List.of("audit:read", "history:read")));
        assertThat(events.get(1).getMetaData()).containsEntry("requestId", "req-update-1");
    }

    @Test
    void theActorIsTheAuthenticatedUserWhateverTheRequestClaims() {
        TestUser writer = user("groups:write", "groups:read", "tokens:manage");
        Api.Response claimed = writer.api().post("/api/config/groups", Map.of("name", Entities.unique("g"),
                "actorId", "someone-else", "actorName", "root"));
        assertThat(claimed.code()).as("actor fields in a body are unknown fields").isEqualTo("VALIDATION_FAILED");

        Map<String, String> forged = Map.of("X-Actor-Id", "someone-else", "X-Actor-Name", "root",
                "actorId", "someone-else");
        Api.Response created = writer.api().send("POST", "/api/config/groups",
                Map.of("name", Entities.unique("g"), "permissions", List.of()), forged);
        assertThat(created.status()).isEqualTo(201);
        assertThat(eventStore.readEvents(created.id()).asStream().toList().get(0).getMetaData())
                .containsEntry("actorId", writer.id()).containsEntry("actorName", writer.username())
                .doesNotContainKey("tokenId");

        Api.Response token = writer.api().post("/api/tokens", Map.of("name", "ci", "permissions",
                List.of("groups:write")));
        Api.Response viaToken = writer.api().anonymous().bearer(token.body().path("token").asText())
                .send("POST", "/api/config/groups", Map.of("name", Entities.unique("g")), forged);
        assertThat(viaToken.status()).isEqualTo(201);
        assertThat(eventStore.readEvents(viaToken.id()).asStream().toList().get(0).getMetaData())
                .containsEntry("actorId", writer.id()).containsEntry("actorName", writer.username())
                .containsEntry("tokenId", token.id());
    }
}
