package io.metabackup.backup;

import io.metabackup.api.config.CreateConfigEntityCommand;
import io.metabackup.api.config.GroupState;
import io.metabackup.api.history.PointInTime;
import io.metabackup.query.history.PointInTimeConfiguration;
import io.metabackup.support.Entities;
import io.metabackup.support.IntegrationTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export that reads the newest state while a long transaction (a restore, say) holds a lower position open must
 * not leave a snapshot that hides that transaction's events once it commits.
 */
class ExportDuringOpenTransactionIT extends IntegrationTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    PointInTimeConfiguration history;

    @Test
    void eventsCommittedBelowAnExportedPositionStayInTheHistory() throws Exception {
        UUID slow = UUID.randomUUID();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch exported = new CountDownLatch(1);
        Thread longTransaction = new Thread(() -> transaction.executeWithoutResult(status -> {
            commands.sendAndWait(new CreateConfigEntityCommand(slow, new GroupState(Entities.unique("slow"), null),
                    null));
            written.countDown();
            await(exported);
        }));
        longTransaction.start();
        assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();

        new Entities(api()).group();
        assertThat(api().postForBytes("/api/system-backup/export", Map.of("includeSecrets", false)).status())
                .isEqualTo(200);
        exported.countDown();
        longTransaction.join();

        assertThat(history.at(PointInTime.latest()).find(slow)).as("the slow transaction's entity").isPresent();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
