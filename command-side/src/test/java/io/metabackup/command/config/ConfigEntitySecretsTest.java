package io.metabackup.command.config;

import io.metabackup.api.config.ConfigEntityCreatedEvent;
import io.metabackup.api.config.CreateConfigEntityCommand;
import io.metabackup.api.config.SealedSecret;
import io.metabackup.api.config.SecretValue;
import io.metabackup.api.config.UpdateConfigEntityCommand;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.metabackup.command.config.ConfigMatchers.onlyCreated;
import static io.metabackup.command.config.ConfigMatchers.onlyUpdated;
import static io.metabackup.command.config.TestStates.postgres;
import static io.metabackup.command.config.TestStates.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

/** How secrets are sealed, compared by fingerprint, replaced and removed. */
class ConfigEntitySecretsTest extends ConfigEntityTestSupport {

    private final UUID id = UUID.randomUUID();

    @Test
    void sealsEverySecretWithTheEntitysDataKeyAndARandomIv() {
        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(id, postgres("Orders DB"),
                        Map.of("password", new SecretValue("s3cret"),
                                "sslKey", new SecretValue("-----BEGIN KEY-----"))))
                .expectEventsMatching(onlyCreated(event -> {
                    assertThat(event.secrets()).containsOnlyKeys("password", "sslKey");
                    assertSealed(id, "password", event.secrets().get("password"), "s3cret");
                    assertSealed(id, "sslKey", event.secrets().get("sslKey"), "-----BEGIN KEY-----");
                    assertThat(event.changedFields()).contains("secrets.password", "secrets.sslKey");
                    // sealing the same value again gives another ciphertext but the same fingerprint
                    SealedSecret again = sealer.seal(id, "password", new SecretValue("s3cret"));
                    assertThat(again.ciphertext()).isNotEqualTo(event.secrets().get("password").ciphertext());
                    assertThat(again.fingerprint()).isEqualTo(event.secrets().get("password").fingerprint());
                }));
    }

    @Test
    void neverPutsThePlaintextIntoTheEvent() {
        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(id, postgres("Orders DB"), secrets("password", "pl41ntext-v4lue")))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        predicate(event -> !String.valueOf(event).contains("pl41ntext-v4lue")),
                        andNoMore())));
    }

    @Test
    void fingerprintsDifferBetweenEntitiesForTheSameValue() {
        UUID otherId = UUID.randomUUID();
        SealedSecret other = sealer.seal(otherId, "password", new SecretValue("s3cret"));

        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(id, postgres("Orders DB"), secrets("password", "s3cret")))
                .expectEventsMatching(onlyCreated(event -> assertThat(event.secrets().get("password").fingerprint())
                        .isNotEqualTo(other.fingerprint())));
    }

    @Test
    void listsASecretWhoseValueChangesAndSealsTheNewValue() {
        ConfigEntityCreatedEvent created = existing(id, postgres("Orders DB"), Map.of("password", "old"));

        fixture.given(created)
                .when(new UpdateConfigEntityCommand(id, 0L, postgres("Orders DB"), secrets("password", "new"), null))
                .expectResultMessagePayload(1L)
                .expectEventsMatching(onlyUpdated(event -> {
                    assertThat(event.version()).isEqualTo(1);
                    assertThat(event.changedFields()).containsExactly("secrets.password");
                    assertSealed(id, "password", event.secrets().get("password"), "new");
                    assertThat(event.secrets().get("password").fingerprint())
                            .isNotEqualTo(created.secrets().get("password").fingerprint());
                }));
    }

    @Test
    void doesNotListASecretSetAgainToTheSameValue() {
        ConfigEntityCreatedEvent created = existing(id, postgres("Orders DB"), Map.of("password", "same"));
        SealedSecret before = created.secrets().get("password");

        fixture.given(created)
                .when(new UpdateConfigEntityCommand(id, 0L, postgres("Orders"), secrets("password", "same"), null))
                .expectEventsMatching(onlyUpdated(event -> {
                    assertThat(event.changedFields()).containsExactly("name");
                    // the sealed value is kept as it was, not sealed anew
                    assertThat(event.secrets()).containsExactly(Map.entry("password", before));
                }));
    }

    @Test
    void emitsNothingWhenOnlyTheSameSecretValueIsSetAgain() {
        fixture.given(existing(id, postgres("Orders DB"), Map.of("password", "same")))
                .when(new UpdateConfigEntityCommand(id, 0L, postgres("Orders DB"), secrets("password", "same"), null))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void listsANewSecret() {
        ConfigEntityCreatedEvent created = existing(id, postgres("Orders DB"), Map.of("password", "s3cret"));

        fixture.given(created)
                .when(new UpdateConfigEntityCommand(id, 0L, postgres("Orders DB"), secrets("sslKey", "pem"), null))
                .expectEventsMatching(onlyUpdated(event -> {
                    assertThat(event.changedFields()).containsExactly("secrets.sslKey");
                    assertThat(event.secrets()).containsOnlyKeys("password", "sslKey")
                            .containsEntry("password", created.secrets().get("password"));
                    assertSealed(id, "sslKey", event.secrets().get("sslKey"), "pem");
                }));
    }

    @Test
    void removesASecretNamedInSecretsToRemove() {
        fixture.given(existing(id, postgres("Orders DB"), Map.of("password", "s3cret", "sslKey", "pem")))
                .when(new UpdateConfigEntityCommand(id, 0L, postgres("Orders DB"), null, Set.of("sslKey")))
                .expectResultMessagePayload(1L)
                .expectEventsMatching(onlyUpdated(event -> {
                    assertThat(event.version()).isEqualTo(1);
                    assertThat(event.changedFields()).containsExactly("secrets.sslKey");
                    assertThat(event.secrets()).containsOnlyKeys("password");
                }));
    }

    @Test
    void removingASecretThatIsNotSetChangesNothing() {
        fixture.given(existing(id, postgres("Orders DB"), Map.of("password", "s3cret")))
                .when(new UpdateConfigEntityCommand(id, 0L, postgres("Orders DB"), null, Set.of("sslKey")))
                .expectNoEvents();
    }

    @Test
    void removesAUsersPassword() {
        fixture.given(existing(id, user("alice"), Map.of("password", "{bcrypt}hash")))
                .when(new UpdateConfigEntityCommand(id, 0L, user("alice"), null, Set.of("password")))
                .expectEventsMatching(onlyUpdated(event -> {
                    assertThat(event.changedFields()).containsExactly("secrets.password");
                    assertThat(event.secrets()).isEmpty();
                }));
    }

    @Test
    void aSecretBothRemovedAndSetTakesTheNewValue() {
        fixture.given(existing(id, postgres("Orders DB"), Map.of("password", "old")))
                .when(new UpdateConfigEntityCommand(id, 0L, postgres("Orders DB"), secrets("password", "new"),
                        Set.of("password")))
                .expectEventsMatching(onlyUpdated(event -> {
                    assertThat(event.changedFields()).containsExactly("secrets.password");
                    assertSealed(id, "password", event.secrets().get("password"), "new");
                }));
    }
}
