package io.metabackup.secrets;

/** The configured {@code ENCRYPTION_KEY} cannot be used; the message says why without showing the key. */
public class InvalidEncryptionKeyException extends IllegalStateException {

    public InvalidEncryptionKeyException(String message) {
        super(message);
    }
}
