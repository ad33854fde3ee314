package io.metabackup.query.jdbc;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes of a transaction to read-model tables that nothing checks rules against (current configuration, history,
 * audit log), sent in JDBC batches instead of one round trip each: when {@value #BATCH} writes are waiting, when
 * something in the transaction is about to read those tables ({@link #flush()}), and before the transaction
 * commits. They commit or roll back with it, so to everyone outside the transaction such a table is exactly as
 * current as if each write had been sent at once. Each table's writes keep their order; tables are independent of
 * each other. Outside a transaction a write is sent at once.
 */
@Component
public class BatchedWrites {

    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;

    public BatchedWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One write to {@code table}; a statement touching another table needs its own call. */
    public void add(String table, String sql, Object... args) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            jdbc.update(sql, args);
            return;
        }
        Pending pending = pending();
        List<Run> runs = pending.tables.computeIfAbsent(table, t -> new ArrayList<>());
        if (runs.isEmpty() || !runs.get(runs.size() - 1).sql.equals(sql)) {
            runs.add(new Run(sql, new ArrayList<>()));
        }
        runs.get(runs.size() - 1).args.add(args);
        if (++pending.count >= BATCH) {
            flush();
        }
    }

    /** Sends what the current transaction has waiting; whoever reads the batched tables in it calls this first. */
    public void flush() {
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null || pending.count == 0) {
            return;
        }
        pending.tables.values().forEach(runs -> runs.forEach(run -> jdbc.batchUpdate(run.sql, run.args)));
        pending.tables.clear();
        pending.count = 0;
    }

    private Pending pending() {
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(new Synchronization(pending));
        }
        return pending;
    }

    private static final class Pending {
        private final Map<String, List<Run>> tables = new LinkedHashMap<>();
        private int count;
    }

    /** Consecutive writes to one table with the same statement: one JDBC batch. */
    private record Run(String sql, List<Object[]> args) {
    }

    /** Ties a transaction's waiting rows to it, also while an inner transaction runs (suspend and resume). */
    private final class Synchronization implements TransactionSynchronization {

        private final Pending pending;

        private Synchronization(Pending pending) {
            this.pending = pending;
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(BatchedWrites.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(BatchedWrites.this, pending);
        }

        /** Also what Spring calls for {@code TransactionStatus.flush()}. */
        @Override
        public void flush() {
            BatchedWrites.this.flush();
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            flush();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(BatchedWrites.this);
        }
    }
}
