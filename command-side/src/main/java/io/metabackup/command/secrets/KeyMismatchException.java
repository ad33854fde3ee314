package io.metabackup.command.secrets;

/** The configured {@code ENCRYPTION_KEY} does not match the data it is meant to protect. */
public class KeyMismatchException extends IllegalStateException {

    public KeyMismatchException(String message) {
        super(message);
    }
}
