package io.metabackup.api.error;

import java.util.Map;

/**
 * A refusal that the user can act on. Its message is shown to the user as is, so it must never hold a secret;
 * {@code properties} become extra members of the problem document (field errors, referrers, ...).
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;
    private final transient Map<String, Object> properties;

    public DomainException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public DomainException(ErrorCode code, String message, Map<String, Object> properties) {
        super(message, null, false, false);
        this.code = code;
        this.properties = Map.copyOf(properties);
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
