package io.metabackup.api.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.metabackup.api.config.Samples.fields;
import static org.assertj.core.api.Assertions.assertThat;

class EncryptionProfileStateTest {

    @Test
    void aNamedProfileIsValidWithOrWithoutDescription() {
        assertThat(Samples.encryptionProfile().validate()).isEmpty();
        assertThat(new EncryptionProfileState("Offsite", null).validate()).isEmpty();
    }

    @Test
    void describesItself() {
        EncryptionProfileState profile = Samples.encryptionProfile();

        assertThat(profile.type()).isEqualTo(EntityType.ENCRYPTION_PROFILE);
        assertThat(profile.naturalKey()).isEqualTo("Offsite key");
        assertThat(profile.references()).isEmpty();
        assertThat(EncryptionProfileState.KEY_SECRET).isEqualTo("key");
        assertThat(EntityType.ENCRYPTION_PROFILE.secrets().accepts(EncryptionProfileState.KEY_SECRET)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", " Offsite", "Offsite\n"})
    void nameMustBeNonBlankWithoutSurroundingWhiteSpace(String name) {
        assertThat(fields(new EncryptionProfileState(name, "d").validate())).containsOnly("name").isNotEmpty();
    }

    @Test
    void nameIsLimitedTo200Characters() {
        assertThat(new EncryptionProfileState("k".repeat(200), null).validate()).isEmpty();
        assertThat(fields(new EncryptionProfileState("k".repeat(201), null).validate())).containsExactly("name");
    }
}
