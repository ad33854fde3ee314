package io.metabackup.api.crypto;

/** Authenticated decryption failed: the key is not the one that sealed the data, or the data was altered. */
public class WrongKeyException extends RuntimeException {

    public WrongKeyException(String message) {
        super(message);
    }
}
