package io.metabackup.command.config;

import io.metabackup.api.config.AdapterKind;
import io.metabackup.api.config.AdapterState;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.config.UpdateConfigEntityCommand;
import io.metabackup.command.config.ConfigIndex.Referrer;
import io.metabackup.api.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.metabackup.command.config.ConfigMatchers.domainError;
import static io.metabackup.command.config.ConfigMatchers.onlyUpdated;
import static io.metabackup.command.config.TestStates.job;
import static io.metabackup.command.config.TestStates.localStorage;
import static io.metabackup.command.config.TestStates.postgres;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** An adapter cannot change kind while others use it as the old kind. */
class AdapterKindChangeTest extends ConfigEntityTestSupport {

    private final UUID storageId = UUID.randomUUID();
    private final UUID sourceId = UUID.randomUUID();
    private final UUID jobId = UUID.randomUUID();

    private static final AdapterState LOCAL_DISK_AS_NOTIFICATION =
            new AdapterState("Local disk", AdapterKind.NOTIFICATION, "local", Map.of("path", "/var/backups"));

    @Test
    void refusesAKindChangeWhileAJobUsesTheAdapterAsTheOldKind() {
        var given = existing(storageId, localStorage("Local disk"));
        index.add(sourceId, postgres("Orders DB")).add(jobId, job("Nightly", sourceId, storageId));

        fixture.given(given)
                .when(new UpdateConfigEntityCommand(storageId, 0L, LOCAL_DISK_AS_NOTIFICATION, null, null))
                .expectException(domainError(ErrorCode.IN_USE, e -> assertThat(e.properties())
                        .containsEntry("referrers", List.of(new Referrer(jobId, EntityType.JOB, "Nightly",
                                "destinationIds[0]", AdapterKind.STORAGE)))))
                .expectExceptionMessage(containsString("cannot become NOTIFICATION: it is used as STORAGE by job "
                        + "\"Nightly\" (destinationIds[0])"))
                .expectNoEvents();
    }

    @Test
    void allowsAKindChangeWhenNothingUsesTheAdapter() {
        fixture.given(existing(storageId, localStorage("Local disk")))
                .when(new UpdateConfigEntityCommand(storageId, 0L, LOCAL_DISK_AS_NOTIFICATION, null, null))
                .expectEventsMatching(onlyUpdated(event -> {
                    assertThat(event.state()).isEqualTo(LOCAL_DISK_AS_NOTIFICATION);
                    assertThat(event.changedFields()).containsExactly("kind");
                }));
    }

    @Test
    void allowsOtherChangesToAnAdapterInUse() {
        index.add(sourceId, postgres("Orders DB"));
        var given = existing(storageId, localStorage("Local disk"));
        index.add(jobId, job("Nightly", sourceId, storageId));
        AdapterState moved = new AdapterState("Local disk", AdapterKind.STORAGE, "local", Map.of("path", "/mnt/nas"));

        fixture.given(given)
                .when(new UpdateConfigEntityCommand(storageId, 0L, moved, null, null))
                .expectEventsMatching(onlyUpdated(event ->
                        assertThat(event.changedFields()).containsExactly("settings")));
    }
}
