package io.metabackup.api.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.metabackup.api.config.Samples.fields;
import static org.assertj.core.api.Assertions.assertThat;

class GroupStateTest {

    @Test
    void nullPermissionsBecomeEmpty() {
        GroupState group = new GroupState("Nobody", null);

        assertThat(group.permissions()).isNotNull().isEmpty();
        assertThat(group.validate()).isEmpty();
    }

    @Test
    void permissionsAreSortedAndDeduplicated() {
        GroupState group = new GroupState("Operators", List.of("jobs:write", "adapters:read", "jobs:write"));

        assertThat(group.permissions()).containsExactly("adapters:read", "jobs:write");
        assertThat(group).isEqualTo(new GroupState("Operators", List.of("adapters:read", "jobs:write")));
    }

    @Test
    void aGroupWithKnownPermissionsIsValid() {
        GroupState group = Samples.group();

        assertThat(group.validate()).isEmpty();
        assertThat(group.type()).isEqualTo(EntityType.GROUP);
        assertThat(group.naturalKey()).isEqualTo("Operators");
        assertThat(group.references()).isEmpty();
    }

    @Test
    void everyCatalogueCodeIsAccepted() {
        assertThat(new GroupState("Admins", Permission.codes()).validate()).isEmpty();
    }

    @Test
    void eachUnknownPermissionIsNamedAndTheKnownOnesAreListed() {
        GroupState group = new GroupState("Ops", List.of("jobs:read", "jobs:execute", "admin", "JOBS_READ"));

        List<FieldError> errors = group.validate();

        assertThat(fields(errors)).containsExactly("permissions", "permissions", "permissions");
        assertThat(errors).extracting(FieldError::message)
                .anySatisfy(m -> assertThat(m).contains("\"jobs:execute\""))
                .anySatisfy(m -> assertThat(m).contains("\"admin\""))
                .anySatisfy(m -> assertThat(m).contains("\"JOBS_READ\""))
                .noneSatisfy(m -> assertThat(m).startsWith("unknown permission \"jobs:read\""))
                .allSatisfy(m -> assertThat(m).contains("known permissions").contains("jobs:read")
                        .contains("backup:export-secrets").contains("tokens:manage"));
    }

    @Test
    void nameIsRequired() {
        assertThat(fields(new GroupState("", List.of("jobs:read")).validate())).containsExactly("name");
        assertThat(fields(new GroupState(null, null).validate())).containsExactly("name");
    }
}
