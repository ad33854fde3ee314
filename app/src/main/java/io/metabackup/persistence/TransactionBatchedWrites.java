package io.metabackup.persistence;

import io.metabackup.api.persistence.BatchedWrites;
import io.metabackup.api.persistence.TransactionScoped;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@link BatchedWrites} kept with the Spring transaction: sent every {@value #BATCH} writes, on {@link #flush()},
 * and before the transaction commits.
 */
@Component
public class TransactionBatchedWrites implements BatchedWrites {

    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final TransactionScoped<Pending> pending = new TransactionScoped<>(Pending::new, this::send);

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
        Optional<Pending> inTransaction = pending.get();
        if (inTransaction.isEmpty()) {
            jdbc.update(sql, args);
            return;
        }
        Pending waiting = inTransaction.get();
        List<Run> runs = (referenced ? waiting.referenced : waiting.others).computeIfAbsent(table,
                t -> new ArrayList<>());
        if (runs.isEmpty() || !runs.get(runs.size() - 1).sql.equals(sql)) {
            runs.add(new Run(sql, new ArrayList<>()));
        }
        runs.get(runs.size() - 1).args.add(args);
        if (++waiting.count >= BATCH) {
            send(waiting);
        }
    }

    @Override
    public void flush() {
        pending.peek().ifPresent(this::send);
    }

    private void send(Pending waiting) {
        if (waiting.count == 0) {
            return;
        }
        for (Map<String, List<Run>> tables : List.of(waiting.referenced, waiting.others)) {
            tables.values().forEach(runs -> runs.forEach(run -> jdbc.batchUpdate(run.sql, run.args)));
            tables.clear();
        }
        waiting.count = 0;
    }

    @Override
    public List<Object[]> waiting(String table) {
        return pending.peek().map(waiting -> Stream.of(waiting.referenced, waiting.others)
                .flatMap(tables -> tables.getOrDefault(table, List.of()).stream())
                .flatMap(run -> run.args.stream()).toList()).orElse(List.of());
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
}
