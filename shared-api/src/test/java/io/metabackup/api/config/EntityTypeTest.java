package io.metabackup.api.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class EntityTypeTest {

    @ParameterizedTest
    @CsvSource({
            "adapters, ADAPTER",
            "jobs, JOB",
            "users, USER",
            "groups, GROUP",
            "encryption-profiles, ENCRYPTION_PROFILE",
            "sso-providers, SSO_PROVIDER"
    })
    void fromPathFindsEveryCollectionType(String path, EntityType type) {
        assertThat(EntityType.fromPath(path)).contains(type);
        assertThat(type.path()).isEqualTo(path);
    }

    @ParameterizedTest
    @EnumSource(value = EntityType.class, names = "SETTINGS", mode = EnumSource.Mode.EXCLUDE)
    void fromPathIsTheInverseOfPathForEveryNonSingleton(EntityType type) {
        assertThat(type.isSingleton()).isFalse();
        assertThat(EntityType.fromPath(type.path())).contains(type);
    }

    @Test
    void settingsIsTheOnlySingletonAndIsNotReachableByPath() {
        assertThat(EntityType.SETTINGS.isSingleton()).isTrue();
        assertThat(EntityType.SETTINGS.path()).isEqualTo("settings");
        assertThat(EntityType.fromPath("settings")).isEmpty();
        assertThat(Arrays.stream(EntityType.values()).filter(EntityType::isSingleton))
                .containsExactly(EntityType.SETTINGS);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Adapters", "adapter", "ADAPTER", "encryptionProfiles", "encryption_profiles",
            "ssoProviders", "widgets", "adapters/", " jobs"})
    void fromPathRefusesUnknownPaths(String path) {
        assertThat(EntityType.fromPath(path)).isEmpty();
    }

    @Test
    void pathsAndDocumentKeysAreUnique() {
        assertThat(Arrays.stream(EntityType.values()).map(EntityType::path)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(EntityType.values()).map(EntityType::documentKey)).doesNotHaveDuplicates();
        assertThat(EntityType.ENCRYPTION_PROFILE.documentKey()).isEqualTo("encryptionProfiles");
        assertThat(EntityType.SSO_PROVIDER.documentKey()).isEqualTo("ssoProviders");
        assertThat(EntityType.ENCRYPTION_PROFILE.label()).isEqualTo("encryption profile");
    }

    @Test
    void everyStateReportsTheTypeWhoseStateClassItIs() {
        assertThat(Samples.all()).hasSize(EntityType.values().length);
        for (EntityState state : Samples.all()) {
            assertThat(state.type().stateClass()).isEqualTo(state.getClass());
        }
        assertThat(Samples.all().stream().map(EntityState::type)).containsExactlyInAnyOrder(EntityType.values());
    }

    // --- secret policies -------------------------------------------------------------------------------------

    @Test
    void usersAcceptOnlyPassword() {
        EntityType.SecretPolicy policy = EntityType.USER.secrets();

        assertThat(policy.accepts("password")).isTrue();
        assertThat(policy.accepts("Password")).isFalse();
        assertThat(policy.accepts("passwordHash")).isFalse();
        assertThat(policy.accepts("key")).isFalse();
        assertThat(policy.accepts("clientSecret")).isFalse();
    }

    @Test
    void encryptionProfilesAcceptOnlyKey() {
        EntityType.SecretPolicy policy = EntityType.ENCRYPTION_PROFILE.secrets();

        assertThat(policy.accepts(EncryptionProfileState.KEY_SECRET)).isTrue();
        assertThat(policy.accepts("key")).isTrue();
        assertThat(policy.accepts("keys")).isFalse();
        assertThat(policy.accepts("Key")).isFalse();
        assertThat(policy.accepts("password")).isFalse();
    }

    @Test
    void ssoProvidersAcceptOnlyClientSecret() {
        EntityType.SecretPolicy policy = EntityType.SSO_PROVIDER.secrets();

        assertThat(policy.accepts("clientSecret")).isTrue();
        assertThat(policy.accepts("client_secret")).isFalse();
        assertThat(policy.accepts("clientsecret")).isFalse();
        assertThat(policy.accepts("password")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "apiKey", "serviceAccountJson", "a", "X", "aws.secret-access_key"})
    void adaptersAcceptAnySaneName(String name) {
        assertThat(EntityType.ADAPTER.secrets().anyName()).isTrue();
        assertThat(EntityType.ADAPTER.secrets().accepts(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1password", "_x", ".hidden", "-x", "with space", "a/b", "../etc", "a\nb", "pässword"})
    void adaptersRefuseNamesThatAreNotSane(String name) {
        assertThat(EntityType.ADAPTER.secrets().accepts(name)).isFalse();
    }

    @Test
    void adapterSecretNamesAreAtMost64Characters() {
        assertThat(EntityType.ADAPTER.secrets().accepts("k".repeat(64))).isTrue();
        assertThat(EntityType.ADAPTER.secrets().accepts("k".repeat(65))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = EntityType.class, names = {"JOB", "GROUP", "SETTINGS"})
    void jobsGroupsAndSettingsAcceptNoSecretAtAll(EntityType type) {
        EntityType.SecretPolicy policy = type.secrets();

        assertThat(policy.anyName()).isFalse();
        assertThat(policy.names()).isEmpty();
        for (String name : new String[] {"password", "key", "clientSecret", "token", "a"}) {
            assertThat(policy.accepts(name)).as(name).isFalse();
        }
    }
}
