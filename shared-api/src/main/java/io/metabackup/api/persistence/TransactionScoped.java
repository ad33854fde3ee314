package io.metabackup.api.persistence;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A value that belongs to the current Spring transaction: made on first use, set aside while an inner transaction
 * runs, and gone when the transaction completes, whether it commits or rolls back.
 */
public final class TransactionScoped<T> {

    private final Supplier<T> initial;
    private final Consumer<T> beforeCommit;

    /** @param beforeCommit also runs when the transaction is flushed ({@code TransactionStatus.flush()}) */
    public TransactionScoped(Supplier<T> initial, Consumer<T> beforeCommit) {
        this.initial = initial;
        this.beforeCommit = beforeCommit;
    }

    public TransactionScoped(Supplier<T> initial) {
        this(initial, value -> {
        });
    }

    /** The current transaction's value, made now if it has none; empty outside a transaction. */
    public Optional<T> get() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        return peek().or(() -> {
            T value = initial.get();
            TransactionSynchronizationManager.bindResource(this, value);
            TransactionSynchronizationManager.registerSynchronization(new Binding(value));
            return Optional.of(value);
        });
    }

    /** The current transaction's value if it made one. */
    @SuppressWarnings("unchecked")
    public Optional<T> peek() {
        return Optional.ofNullable((T) TransactionSynchronizationManager.getResource(this));
    }

    private final class Binding implements TransactionSynchronization {

        private final T value;

        private Binding(T value) {
            this.value = value;
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(TransactionScoped.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(TransactionScoped.this, value);
        }

        @Override
        public void flush() {
            beforeCommit.accept(value);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            beforeCommit.accept(value);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(TransactionScoped.this);
        }
    }
}
