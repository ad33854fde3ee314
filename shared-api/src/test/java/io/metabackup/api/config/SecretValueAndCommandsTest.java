package io.metabackup.api.config;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretValueAndCommandsTest {

    @Test
    void aSecretValueNeverShowsItsValueInToString() {
        SecretValue secret = new SecretValue("hunter2");

        assertThat(secret.reveal()).isEqualTo("hunter2");
        assertThat(secret.toString()).doesNotContain("hunter2").isEqualTo("SecretValue[****]");
        assertThat(secret).isEqualTo(new SecretValue("hunter2")).hasSameHashCodeAs(new SecretValue("hunter2"))
                .isNotEqualTo(new SecretValue("hunter3"));
    }

    @Test
    void aSecretValueMustHaveAValue() {
        assertThatThrownBy(() -> new SecretValue(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aLoggedCommandDoesNotLeakItsSecrets() {
        CreateConfigEntityCommand create = new CreateConfigEntityCommand(UUID.randomUUID(), Samples.user(),
                Map.of("password", new SecretValue("hunter2")));
        UpdateConfigEntityCommand update = new UpdateConfigEntityCommand(UUID.randomUUID(), 1L, Samples.user(),
                Map.of("password", new SecretValue("hunter2")), null);

        assertThat(create.toString()).doesNotContain("hunter2").contains("password");
        assertThat(update.toString()).doesNotContain("hunter2");
    }

    @Test
    void commandsDefaultMissingSecretsToEmptyAndCopyThem() {
        Map<String, SecretValue> secrets = new HashMap<>();
        CreateConfigEntityCommand create = new CreateConfigEntityCommand(UUID.randomUUID(), Samples.user(), secrets);
        secrets.put("password", new SecretValue("x"));

        assertThat(create.secrets()).isEmpty();
        assertThat(new CreateConfigEntityCommand(UUID.randomUUID(), Samples.user(), null).secrets()).isEmpty();
        UpdateConfigEntityCommand update = new UpdateConfigEntityCommand(UUID.randomUUID(), null, Samples.user(), null,
                null);
        assertThat(update.secretsToSet()).isEmpty();
        assertThat(update.secretsToRemove()).isEmpty();
    }
}
