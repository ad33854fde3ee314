package io.metabackup;

import io.metabackup.command.secrets.KeyMismatchException;
import io.metabackup.secrets.InvalidEncryptionKeyException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns the known reasons why Metabackup refuses to start into a short message instead of a stack trace. */
class StartupFailureAnalyzer extends AbstractFailureAnalyzer<IllegalStateException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, IllegalStateException cause) {
        if (cause instanceof KeyMismatchException || cause instanceof InvalidEncryptionKeyException) {
            return new FailureAnalysis(cause.getMessage(),
                    "Set ENCRYPTION_KEY (or ENCRYPTION_KEY_FILE) to the 64-hex-character key this instance was "
                            + "set up with. Nothing was changed.", cause);
        }
        return null;
    }
}
