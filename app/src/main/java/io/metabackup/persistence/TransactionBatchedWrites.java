package io.metabackup.persistence;

import io.metabackup.api.persistence.BatchedWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@link BatchedWrites} kept with the Spring transaction: sent every {@value #BATCH} writes, on {@link #flush()},
 * and before the transaction commits.
 */
@Component
public class TransactionBatchedWrites implements BatchedWrites {

    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;

    public TransactionBatchedWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(String table, String sql, Object... args) {
        write(table, false, sql, args);
    }

    @Override
    public void addReferenced(String table, String sql, Object... args) {
        write(table, true, sql, args);
    }

    private void write(String table, boolean referenced, String sql, Object[] args) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            jdbc.update(sql, args);
            return;
        }
        Pending pending = pending();
        List<Run> runs = (referenced ? pending.referenced : pending.others).computeIfAbsent(table,
                t -> new ArrayList<>());
        if (runs.isEmpty() || !runs.get(runs.size() - 1).sql.equals(sql)) {
            runs.add(new Run(sql, new ArrayList<>()));
        }
        runs.get(runs.size() - 1).args.add(args);
        if (++pending.count >= BATCH) {
            flush();
        }
    }

    @Override
    public void flush() {
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null || pending.count == 0) {
            return;
        }
        for (Map<String, List<Run>> tables : List.of(pending.referenced, pending.others)) {
            tables.values().forEach(runs -> runs.forEach(run -> jdbc.batchUpdate(run.sql, run.args)));
            tables.clear();
        }
        pending.count = 0;
    }

    @Override
    public List<Object[]> waiting(String table) {
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            return List.of();
        }
        return Stream.of(pending.referenced, pending.others).flatMap(tables -> tables.getOrDefault(table, List.of())
                .stream()).flatMap(run -> run.args.stream()).toList();
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
        /** Tables whose rows other batched writes look up: sent first. */
        private final Map<String, List<Run>> referenced = new LinkedHashMap<>();
        private final Map<String, List<Run>> others = new LinkedHashMap<>();
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
            TransactionSynchronizationManager.unbindResourceIfPossible(TransactionBatchedWrites.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(TransactionBatchedWrites.this, pending);
        }

        /** Also what Spring calls for {@code TransactionStatus.flush()}. */
        @Override
        public void flush() {
            TransactionBatchedWrites.this.flush();
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            flush();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(TransactionBatchedWrites.this);
        }
    }
}
