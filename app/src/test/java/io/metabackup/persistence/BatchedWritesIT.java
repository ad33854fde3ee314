package io.metabackup.persistence;

import io.metabackup.api.persistence.BatchedWrites;
import io.metabackup.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Batched writes commit and roll back with their transaction and keep each table's order. */
class BatchedWritesIT extends IntegrationTest {

    private static final String INSERT = "insert into batched_writes_probe (k, v) values (?, ?)";
    private static final String DELETE = "delete from batched_writes_probe where k = ?";

    @Autowired
    BatchedWrites batch;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void emptyProbeTable() {
        jdbc.execute("create table if not exists batched_writes_probe (k text primary key, v text)");
        jdbc.update("delete from batched_writes_probe");
    }

    private List<String> rows() {
        return jdbc.queryForList("select k || '=' || v from batched_writes_probe order by k", String.class);
    }

    @Test
    void writesReachTheTableWhenTheTransactionCommitsInTheOrderTheyCame() {
        transaction.executeWithoutResult(status -> {
            batch.add("probe", INSERT, "a", "1");
            batch.add("probe", DELETE, "a");
            batch.add("probe", INSERT, "a", "2");
            batch.add("probe", INSERT, "b", "1");
            assertThat(rows()).as("still waiting in the batch").isEmpty();
        });

        assertThat(rows()).containsExactly("a=2", "b=1");
    }

    @Test
    void aReaderInTheTransactionSeesTheWritesAfterFlushing() {
        transaction.executeWithoutResult(status -> {
            batch.add("probe", INSERT, "a", "1");
            batch.flush();
            assertThat(rows()).containsExactly("a=1");
            status.flush();
        });
        assertThat(rows()).containsExactly("a=1");
    }

    @Test
    void aRolledBackTransactionLeavesNothingAndAFailingBatchFailsTheCommit() {
        transaction.executeWithoutResult(status -> {
            batch.add("probe", INSERT, "a", "1");
            status.setRollbackOnly();
        });
        assertThat(rows()).isEmpty();

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            batch.add("probe", INSERT, "a", "1");
            batch.add("probe", INSERT, "a", "duplicate key");
        })).isInstanceOf(RuntimeException.class);
        assertThat(rows()).isEmpty();
    }

    @Test
    void outsideATransactionAWriteIsSentAtOnce() {
        batch.add("probe", INSERT, "a", "1");
        assertThat(rows()).containsExactly("a=1");
    }

    @Test
    void aReferencedTableIsSentFirstAndWaitingWritesCanBeSeenBeforeThey() {
        jdbc.execute("create table if not exists batched_writes_referrer (k text primary key, v text)");
        jdbc.update("delete from batched_writes_referrer");
        String copy = "insert into batched_writes_referrer (k, v) "
                + "select k, v from batched_writes_probe where k = ?";
        transaction.executeWithoutResult(status -> {
            batch.add("referrer", copy, "a");
            batch.addReferenced("probe", INSERT, "a", "1");
            assertThat(batch.waiting("probe")).extracting(args -> args[0] + "=" + args[1]).containsExactly("a=1");
            assertThat(batch.waiting("elsewhere")).isEmpty();
        });

        assertThat(rows()).containsExactly("a=1");
        assertThat(jdbc.queryForList("select k || '=' || v from batched_writes_referrer", String.class))
                .as("the referrer's row was written after the row it copies").containsExactly("a=1");
    }
}
