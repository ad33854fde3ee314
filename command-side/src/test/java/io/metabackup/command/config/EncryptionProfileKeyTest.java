package io.metabackup.command.config;

import io.metabackup.api.config.ConfigEntityCreatedEvent;
import io.metabackup.api.config.CreateConfigEntityCommand;
import io.metabackup.api.config.EncryptionProfileState;
import io.metabackup.api.config.UpdateConfigEntityCommand;
import io.metabackup.api.error.ErrorCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.metabackup.command.config.ConfigMatchers.domainError;
import static io.metabackup.command.config.ConfigMatchers.onlyCreated;
import static io.metabackup.command.config.ConfigMatchers.onlyUpdated;
import static io.metabackup.command.config.ConfigMatchers.validationFailedOn;
import static io.metabackup.command.config.TestStates.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** An encryption profile's key: generated when absent, 64 hex characters, and fixed for the profile's life. */
class EncryptionProfileKeyTest extends ConfigEntityTestSupport {

    private static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private static final String OTHER_KEY = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";

    private final UUID id = UUID.randomUUID();

    @Test
    void generatesASealedKeyWhenNoneIsGiven() {
        EncryptionProfileState state = profile("Offsite");

        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(id, state, null))
                .expectEventsMatching(onlyCreated(event -> {
                    assertThat(event.version()).isZero();
                    assertThat(event.state()).isEqualTo(state);
                    assertThat(event.changedFields()).containsExactly("name", "description", "secrets.key");
                    assertThat(event.secrets()).containsOnlyKeys("key");
                    String generated = sealer.open(id, "key", event.secrets().get("key")).reveal();
                    assertThat(generated).matches("[0-9a-f]{64}");
                    assertSealed(id, "key", event.secrets().get("key"), generated);
                }));
    }

    @Test
    void generatesADifferentKeyForEveryProfile() {
        UUID otherId = UUID.randomUUID();
        String[] keys = new String[2];
        new AggregateTestFixture<>(ConfigEntity.class)
                .registerInjectableResource(index)
                .registerInjectableResource(sealer)
                .givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(otherId, profile("First"), null))
                .expectEventsMatching(onlyCreated(event ->
                        keys[0] = sealer.open(otherId, "key", event.secrets().get("key")).reveal()));

        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(id, profile("Second"), null))
                .expectEventsMatching(onlyCreated(event -> {
                    keys[1] = sealer.open(id, "key", event.secrets().get("key")).reveal();
                    assertThat(keys[1]).isNotEqualTo(keys[0]);
                }));
    }

    @Test
    void keepsAValidKeyThatIsGiven() {
        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(id, profile("Offsite"), secrets("key", KEY)))
                .expectEventsMatching(onlyCreated(event -> assertSealed(id, "key", event.secrets().get("key"), KEY)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-a-key", "00112233445566778899aabbccddeeff", // 32 characters (128 bits)
            "00112233445566778899aabbccddeeff00112233445566778899aabbccddeef", // 63
            "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff0", // 65
            "g0112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"}) // not hex
    void refusesAKeyThatIsNot64HexCharacters(String key) {
        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(id, profile("Offsite"), secrets("key", key)))
                .expectException(domainError(ErrorCode.VALIDATION_FAILED))
                .expectExceptionMessage(allOf(containsString("secrets.key must be 64 hexadecimal characters"),
                        key.isEmpty() ? containsString("") : not(containsString(key))))
                .expectNoEvents();
    }

    @Test
    void keepsTheKeyWhenOtherFieldsChange() {
        ConfigEntityCreatedEvent created = existing(id, profile("Offsite"), Map.of("key", KEY));
        EncryptionProfileState changed = new EncryptionProfileState("Offsite", "rotated yearly");

        fixture.given(created)
                .when(new UpdateConfigEntityCommand(id, 0L, changed, null, null))
                .expectEventsMatching(onlyUpdated(event -> {
                    assertThat(event.changedFields()).containsExactly("description");
                    assertThat(event.secrets()).isEqualTo(created.secrets());
                }));
    }

    @Test
    void acceptsTheSameKeyAgain() {
        fixture.given(existing(id, profile("Offsite"), Map.of("key", KEY)))
                .when(new UpdateConfigEntityCommand(id, 0L, profile("Offsite"), secrets("key", KEY), null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToChangeTheKey() {
        fixture.given(existing(id, profile("Offsite"), Map.of("key", KEY)))
                .when(new UpdateConfigEntityCommand(id, 0L, profile("Offsite"), secrets("key", OTHER_KEY), null))
                .expectException(domainError(ErrorCode.VALIDATION_FAILED))
                .expectExceptionMessage(containsString("secrets.key cannot be changed or removed"))
                .expectNoEvents();
    }

    @Test
    void refusesToRemoveTheKey() {
        fixture.given(existing(id, profile("Offsite"), Map.of("key", KEY)))
                .when(new UpdateConfigEntityCommand(id, 0L, profile("Offsite"), null, Set.of("key")))
                .expectException(domainError(ErrorCode.VALIDATION_FAILED))
                .expectExceptionMessage(containsString("cannot be changed or removed"))
                .expectNoEvents();
    }

    @Test
    void refusesAnyOtherSecretName() {
        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(id, profile("Offsite"), secrets("passphrase", "abc")))
                .expectException(validationFailedOn("secrets.passphrase"))
                .expectNoEvents();
    }
}
