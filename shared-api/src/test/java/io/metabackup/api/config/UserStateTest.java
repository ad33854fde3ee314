package io.metabackup.api.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.metabackup.api.config.Samples.GROUP_A;
import static io.metabackup.api.config.Samples.GROUP_B;
import static io.metabackup.api.config.Samples.fields;
import static org.assertj.core.api.Assertions.assertThat;

class UserStateTest {

    private static UserState named(String username) {
        return new UserState(username, null, null, null, null);
    }

    private static UserState withEmail(String email) {
        return new UserState("alice", email, null, null, null);
    }

    @Test
    void theCompactConstructorAppliesDefaults() {
        UserState user = named("alice");

        assertThat(user.groupIds()).isNotNull().isEmpty();
        assertThat(user.enabled()).isTrue();
        assertThat(user.validate()).isEmpty();
        assertThat(user.references()).isEmpty();
    }

    @Test
    void explicitValuesAreKept() {
        UserState user = Samples.user();

        assertThat(user.enabled()).isFalse();
        assertThat(user.groupIds()).containsExactly(GROUP_A, GROUP_B);
        assertThat(user.validate()).isEmpty();
        assertThat(user.type()).isEqualTo(EntityType.USER);
        assertThat(user.naturalKey()).isEqualTo("alice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "alice", "Alice", "ALICE", "9lives", "alice.smith", "alice_smith", "alice-smith",
            "alice@example.com", "svc-backup.bot_01@corp",
            "a234567890123456789012345678901234567890123456789012345678901234"})
    void usernamesOfLettersDigitsAndDotUnderscoreAtHyphenAreAccepted(String username) {
        assertThat(named(username).validate()).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" alice", "alice ", "al ice", ".alice", "_alice", "-alice", "@alice", "alice/root",
            "alice:x", "älice", "a2345678901234567890123456789012345678901234567890123456789012345"})
    void otherUsernamesAreRefused(String username) {
        assertThat(fields(named(username).validate())).containsExactly("username");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice@example.com", "a.b+tag@sub.example.org", "x@y.z"})
    void validEmailsAreAccepted(String email) {
        assertThat(withEmail(email).validate()).isEmpty();
    }

    @Test
    void emailIsOptional() {
        assertThat(withEmail(null).validate()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "alice", "alice@", "@example.com", "alice@example", "alice@@example.com",
            "al ice@example.com", "alice@exa mple.com", "a@b@c.d"})
    void invalidEmailsAreRefused(String email) {
        assertThat(withEmail(email).validate()).containsExactly(new FieldError("email", "is not an e-mail address"));
    }

    @Test
    void groupsMustNotRepeat() {
        UserState user = new UserState("alice", null, null, List.of(GROUP_A, GROUP_A), null);

        assertThat(user.validate()).containsExactly(new FieldError("groupIds", "must not contain duplicates"));
    }

    @Test
    void referencesNameEveryGroupByIndex() {
        assertThat(Samples.user().references()).containsExactly(
                new Reference("groupIds[0]", GROUP_A, EntityType.GROUP, null),
                new Reference("groupIds[1]", GROUP_B, EntityType.GROUP, null));
    }
}
