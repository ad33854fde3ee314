package io.metabackup.history;

import io.metabackup.api.backup.BackupDocument;
import io.metabackup.api.backup.SecretValues;
import io.metabackup.api.config.CreateConfigEntityCommand;
import io.metabackup.api.config.GroupState;
import io.metabackup.api.history.PointInTime;
import io.metabackup.query.history.PointInTimeConfiguration;
import io.metabackup.query.history.SettledPositions;
import io.metabackup.query.history.SnapshotStore;
import io.metabackup.query.history.StreamPositions;
import io.metabackup.support.Entities;
import io.metabackup.support.IntegrationTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class AutomaticSnapshotsIT extends IntegrationTest {

    @Autowired
    AutomaticSnapshots automatic;
    @Autowired
    SnapshotStore snapshots;
    @Autowired
    StreamPositions positions;
    @Autowired
    SettledPositions settled;
    @Autowired
    PointInTimeConfiguration history;
    @Autowired
    CommandGateway commands;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void snapshotsAreTakenEveryNPositionsAndAgreeWithAFullFold() throws Exception {
        long last = snapshots.newestCoveredPosition();
        Entities entities = new Entities(api());
        for (int i = 0; i < 4; i++) {
            entities.group();
        }
        Thread.sleep(10);
        long every = (positions.head() - last) / 2;

        assertThat(automatic.takeDue(every, Duration.ZERO)).isEqualTo(2);
        assertThat(automatic.takeDue(every, Duration.ZERO)).isZero();

        List<SnapshotStore.Snapshot> taken = snapshots.list(0, 2);
        assertThat(taken).extracting(SnapshotStore.Snapshot::coversPosition).containsExactly(last + 2 * every,
                last + every);
        for (SnapshotStore.Snapshot snapshot : taken) {
            assertThat(snapshot.trigger()).isEqualTo(AutomaticSnapshots.TRIGGER);
            PointInTime point = PointInTime.atPosition(snapshot.coversPosition());
            assertThat(snapshot.documentSha256()).isEqualTo(BackupDocument.fingerprint(history.atWithoutSnapshots(point)));
            assertThat(BackupDocument.canonical(history.at(point), SecretValues.OMITTED))
                    .isEqualTo(BackupDocument.canonical(history.atWithoutSnapshots(point), SecretValues.OMITTED));
        }
    }

    @Test
    void aPositionBelowAStillOpenTransactionIsNotSettled() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> open = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            commands.sendAndWait(new CreateConfigEntityCommand(UUID.randomUUID(),
                    new GroupState(Entities.unique("slow"), List.of()), Map.of()));
            written.countDown();
            await(release);
        }));
        try {
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
            new Entities(api()).group();
            long committedAfter = positions.head();
            Thread.sleep(10);
            assertThat(settled.head(Duration.ZERO)).isLessThan(committedAfter);
        } finally {
            release.countDown();
        }
        open.get(30, TimeUnit.SECONDS);
        Thread.sleep(10);
        assertThat(settled.head(Duration.ZERO)).isGreaterThanOrEqualTo(positions.head());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
