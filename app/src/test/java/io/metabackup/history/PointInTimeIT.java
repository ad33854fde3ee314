package io.metabackup.history;

import io.metabackup.api.backup.BackupDocument;
import io.metabackup.api.backup.SecretValues;
import io.metabackup.api.config.GroupState;
import io.metabackup.api.history.ConfigurationState;
import io.metabackup.api.history.PointInTime;
import io.metabackup.query.history.PointInTimeConfiguration;
import io.metabackup.query.history.SnapshotStore;
import io.metabackup.query.history.StreamPositions;
import io.metabackup.support.Api;
import io.metabackup.support.Entities;
import io.metabackup.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PointInTimeIT extends IntegrationTest {

    @Autowired
    PointInTimeConfiguration history;
    @Autowired
    StreamPositions positions;
    @Autowired
    SnapshotStore snapshots;

    @Test
    void theConfigurationCanBeReadAtEveryPositionAndInstantWithOrWithoutSnapshots() throws Exception {
        Api api = api();
        String name = Entities.unique("pit");
        UUID id = UUID.fromString(new Entities(api).create("groups", Map.of("name", name)));
        long created = positions.head();
        Thread.sleep(5);
        Instant afterCreate = Instant.now();
        Thread.sleep(5);
        api.put("/api/config/groups/" + id, Map.of("name", name, "permissions", List.of("jobs:read")));
        long updated = positions.head();
        assertThat(api.delete("/api/config/groups/" + id).status()).isEqualTo(204);
        long deleted = positions.head();

        assertThat(history.at(PointInTime.atPosition(created - 1)).find(id)).isEmpty();
        assertThat(history.at(PointInTime.atPosition(created)).find(id).orElseThrow().state())
                .isEqualTo(new GroupState(name, List.of()));
        assertThat(history.at(PointInTime.atInstant(afterCreate)).find(id).orElseThrow().version()).isZero();
        ConfigurationState atUpdate = history.at(PointInTime.atPosition(updated));
        assertThat(atUpdate.find(id).orElseThrow().state()).isEqualTo(new GroupState(name, List.of("jobs:read")));
        assertThat(atUpdate.position()).isEqualTo(updated);
        assertThat(history.at(PointInTime.atPosition(deleted)).find(id)).isEmpty();
        assertThat(history.at(PointInTime.latest()).find(id)).isEmpty();

        byte[] withoutSnapshot = BackupDocument.canonical(history.at(PointInTime.atPosition(updated)),
                SecretValues.OMITTED);
        snapshots.save(history.at(PointInTime.atPosition(created)), created, "TEST");
        assertThat(BackupDocument.canonical(history.at(PointInTime.atPosition(updated)), SecretValues.OMITTED))
                .isEqualTo(withoutSnapshot);
        assertThat(history.at(PointInTime.atPosition(created)).find(id)).isPresent();
    }
}
