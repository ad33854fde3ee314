package io.metabackup.api.persistence;

import java.util.List;

/**
 * Writes of a transaction to tables whose rows nobody outside it can see before it commits anyway, sent in JDBC
 * batches instead of one round trip each: when enough are waiting, when something in the transaction is about to
 * read those tables ({@link #flush()}), and before the transaction commits. They commit or roll back with it, so to
 * everyone outside the transaction such a table is exactly as current as if each write had been sent at once. Each
 * table's writes keep their order; tables are independent of each other. Outside a transaction a write is sent at
 * once.
 */
public interface BatchedWrites {

    /**
     * One write, waiting with the other writes to {@code table}. A statement that also writes other tables (a
     * common table expression) waits under its main table; whoever reads the others in the transaction flushes too.
     */
    void add(String table, String sql, Object... args);

    /**
     * A write to a table that other batched writes look up (events, whose position a history row takes by the
     * event's identifier): every table written this way is sent before the others.
     */
    void addReferenced(String table, String sql, Object... args);

    /** Sends what the current transaction has waiting; whoever reads the batched tables in it calls this first. */
    void flush();

    /**
     * The arguments of the writes to {@code table} that the current transaction has not sent yet, in order: what a
     * reader that must not wait for a flush adds to what it reads from the table itself.
     */
    List<Object[]> waiting(String table);
}
