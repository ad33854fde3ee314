package io.metabackup.api.config;

import java.util.Objects;

/**
 * A plaintext secret on its way to being sealed. It only lives in memory inside a command, and its
 * {@link #toString()} never shows the value, so a logged command cannot leak it.
 */
public final class SecretValue {

    private final String value;

    public SecretValue(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretValue other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "SecretValue[****]";
    }
}
