package io.metabackup.api.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.HashSet;

import static org.assertj.core.api.Assertions.assertThat;

class PermissionTest {

    @ParameterizedTest
    @EnumSource(Permission.class)
    void fromCodeFindsEveryPermissionByItsCode(Permission permission) {
        assertThat(Permission.fromCode(permission.code())).contains(permission);
        assertThat(permission.code()).matches("[a-z]+(-[a-z]+)*:[a-z]+(-[a-z]+)*");
        assertThat(permission.description()).isNotBlank();
    }

    @Test
    void codesListsEveryCodeOnceInDeclarationOrder() {
        assertThat(Permission.codes())
                .hasSize(Permission.values().length)
                .doesNotHaveDuplicates()
                .containsExactlyElementsOf(Arrays.stream(Permission.values()).map(Permission::code).toList())
                .startsWith("adapters:read", "adapters:write")
                .contains("backup:export-secrets", "vault:reveal", "tokens:manage");
        assertThat(new HashSet<>(Permission.codes())).hasSize(Permission.values().length);
    }

    @Test
    void everyCodeInCodesResolves() {
        assertThat(Permission.codes()).allSatisfy(code -> assertThat(Permission.fromCode(code)).isPresent());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"JOBS_READ", "jobs:READ", "Jobs:read", "jobs:read ", "jobs:execute", "admin", "*"})
    void fromCodeRefusesAnythingThatIsNotACode(String code) {
        assertThat(Permission.fromCode(code)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EntityType.class)
    void everyEntityTypeHasAReadAndAWritePermissionNamedAfterItsPath(EntityType type) {
        assertThat(Permission.fromCode(type.path() + ":read")).isPresent();
        assertThat(Permission.fromCode(type.path() + ":write")).isPresent();
    }
}
