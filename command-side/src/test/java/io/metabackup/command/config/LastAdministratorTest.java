package io.metabackup.command.config;

import io.metabackup.api.config.ConfigEntityCreatedEvent;
import io.metabackup.api.config.DeleteConfigEntityCommand;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.config.GroupState;
import io.metabackup.api.config.UpdateConfigEntityCommand;
import io.metabackup.api.config.UserState;
import io.metabackup.api.error.ErrorCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.metabackup.command.config.ConfigMatchers.domainError;
import static io.metabackup.command.config.ConfigMatchers.onlyDeleted;
import static io.metabackup.command.config.ConfigMatchers.onlyUpdated;
import static io.metabackup.command.config.TestStates.group;
import static org.assertj.core.api.Assertions.assertThat;

/** Nobody can remove the last administrator: an enabled user holding users:read/write and groups:read/write. */
class LastAdministratorTest extends ConfigEntityTestSupport {

    private static final String[] ADMIN = {"users:read", "users:write", "groups:read", "groups:write"};

    private final UUID admins = UUID.randomUUID();
    private final UUID alice = UUID.randomUUID();
    private ConfigEntityCreatedEvent adminsCreated;
    private ConfigEntityCreatedEvent aliceCreated;

    @BeforeEach
    void oneAdministrator() {
        adminsCreated = existing(admins, group("administrators", ADMIN));
        aliceCreated = existing(alice, user("alice", true, admins));
    }

    @Test
    void theLastAdministratorCannotBeDeleted() {
        fixture.given(aliceCreated)
                .when(new DeleteConfigEntityCommand(alice, EntityType.USER, null))
                .expectException(domainError(ErrorCode.LAST_ADMINISTRATOR, e ->
                        assertThat(e.getMessage()).contains("no administrator").contains("users:write")))
                .expectNoEvents();
    }

    @Test
    void theLastAdministratorCannotBeDisabled() {
        fixture.given(aliceCreated)
                .when(update(alice, user("alice", false, admins)))
                .expectException(domainError(ErrorCode.LAST_ADMINISTRATOR))
                .expectNoEvents();
    }

    @Test
    void theLastAdministratorCannotLeaveTheAdministratorGroups() {
        UUID readers = UUID.randomUUID();
        existing(readers, group("readers", "users:read"));
        fixture.given(aliceCreated)
                .when(update(alice, user("alice", true, readers)))
                .expectException(domainError(ErrorCode.LAST_ADMINISTRATOR))
                .expectNoEvents();
    }

    @Test
    void theLastAdministratorGroupCannotLoseAnAdministrationPermission() {
        fixture.given(adminsCreated)
                .when(update(admins, group("administrators", "users:read", "users:write", "groups:read")))
                .expectException(domainError(ErrorCode.LAST_ADMINISTRATOR))
                .expectNoEvents();
    }

    @Test
    void theLastAdministratorGroupCannotBeDeleted() {
        fixture.given(adminsCreated)
                .when(new DeleteConfigEntityCommand(admins, EntityType.GROUP, null))
                .expectException(domainError(ErrorCode.LAST_ADMINISTRATOR))
                .expectNoEvents();
    }

    @Test
    void permissionsSpreadOverSeveralGroupsCount() {
        UUID userAdmins = UUID.randomUUID();
        UUID groupAdmins = UUID.randomUUID();
        existing(userAdmins, group("user admins", "users:read", "users:write"));
        existing(groupAdmins, group("group admins", "groups:read", "groups:write"));
        UUID bob = UUID.randomUUID();
        ConfigEntityCreatedEvent bobCreated = existing(bob, user("bob", true, userAdmins, groupAdmins));
        index.add(alice, user("alice", false, admins));

        fixture.given(bobCreated)
                .when(update(bob, user("bob", true, userAdmins)))
                .expectException(domainError(ErrorCode.LAST_ADMINISTRATOR));
    }

    @Test
    void anAdministratorMayGoWhileAnotherRemains() {
        existing(UUID.randomUUID(), user("bob", true, admins));
        fixture.given(aliceCreated)
                .when(update(alice, user("alice", false, admins)))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(onlyUpdated(event -> assertThat(event.changedFields()).containsExactly("enabled")));
    }

    @Test
    void aDisabledSecondAdministratorDoesNotCount() {
        existing(UUID.randomUUID(), user("bob", false, admins));
        fixture.given(aliceCreated)
                .when(new DeleteConfigEntityCommand(alice, EntityType.USER, null))
                .expectException(domainError(ErrorCode.LAST_ADMINISTRATOR));
    }

    @Test
    void theLastAdministratorMayChangeEverythingElse() {
        fixture.given(aliceCreated)
                .when(update(alice, new UserState("alice", "new@example.com", "Alice", List.of(admins), true)))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(onlyUpdated(event ->
                        assertThat(event.changedFields()).containsExactlyInAnyOrder("email", "displayName")));
    }

    @Test
    void aGroupNoAdministratorDependsOnCanLoseItsPermissions() {
        UUID spare = UUID.randomUUID();
        ConfigEntityCreatedEvent spareCreated = existing(spare, group("spare admins", ADMIN));
        fixture.given(spareCreated)
                .when(update(spare, group("spare admins")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anInstanceWithoutAdministratorsCanStillBeChanged() {
        index.remove(alice).remove(admins);
        UUID carol = UUID.randomUUID();
        ConfigEntityCreatedEvent carolCreated = existing(carol, user("carol", true));
        fixture.given(carolCreated)
                .when(new DeleteConfigEntityCommand(carol, EntityType.USER, null))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(onlyDeleted(event -> assertThat(event.id()).isEqualTo(carol)));
    }

    @Test
    void theViewComputesAdministratorsFromEnabledUsersAndTheirGroups() {
        AccessView view = index.access();
        assertThat(view.administrators()).containsExactly(alice);
        assertThat(view.permissionsOf(alice)).containsExactlyInAnyOrder(ADMIN);
        assertThat(view.with(alice, null).administrators()).isEmpty();
        assertThat(view.with(admins, new GroupState("administrators", List.of("users:read"))).permissionsOf(alice))
                .isEqualTo(Set.of("users:read"));
        assertThat(view.permissionsOf(UUID.randomUUID())).isEmpty();
    }

    private static UserState user(String name, boolean enabled, UUID... groupIds) {
        return new UserState(name, name + "@example.com", null, List.of(groupIds), enabled);
    }

    private static UpdateConfigEntityCommand update(UUID id, io.metabackup.api.config.EntityState state) {
        return new UpdateConfigEntityCommand(id, null, state, Map.of(), Set.of());
    }
}
