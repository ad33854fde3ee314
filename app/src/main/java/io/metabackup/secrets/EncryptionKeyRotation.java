package io.metabackup.secrets;

import io.metabackup.MetabackupApplication;
import io.metabackup.command.secrets.JdbcDataKeys;
import io.metabackup.command.secrets.KeyEncryptionKey;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code rotate-encryption-key}: re-wraps every data key from the current {@code ENCRYPTION_KEY} to a new one in
 * one transaction, then exits. Events are not touched: they only hold values sealed with the data keys. Run it
 * with every instance stopped, then start them with the new key.
 */
public final class EncryptionKeyRotation {

    public static final String COMMAND = "rotate-encryption-key";
    static final String NEW_KEY_VARIABLE = "NEW_ENCRYPTION_KEY";
    private static final String NEW_KEY_FILE_OPTION = "--new-key-file=";

    private EncryptionKeyRotation() {
    }

    /** Returns the process exit code. */
    public static int run(String[] args, PrintStream out) {
        KeyEncryptionKey newKey;
        try {
            newKey = newKey(args);
        } catch (IllegalStateException e) {
            out.println("rotate-encryption-key: " + e.getMessage());
            return 2;
        }
        String[] springArgs = Arrays.stream(args).filter(a -> !a.startsWith(NEW_KEY_FILE_OPTION)).toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MetabackupApplication.class)
                .web(WebApplicationType.NONE).run(springArgs)) {
            KeyEncryptionKey current = context.getBean(KeyEncryptionKey.class);
            if (current.equals(newKey)) {
                out.println("rotate-encryption-key: the new key is the current key; nothing to do");
                return 0;
            }
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            Integer rewrapped = context.getBean(TransactionTemplate.class)
                    .execute(status -> JdbcDataKeys.rewrapAll(jdbc, current, newKey));
            out.println("rotate-encryption-key: re-wrapped " + rewrapped + " data keys from key id " + current.id()
                    + " to key id " + newKey.id() + ". Start Metabackup with the new ENCRYPTION_KEY now; the old key "
                    + "no longer opens anything.");
            return 0;
        }
    }

    private static KeyEncryptionKey newKey(String[] args) {
        List<String> files = Arrays.stream(args).filter(a -> a.startsWith(NEW_KEY_FILE_OPTION))
                .map(a -> a.substring(NEW_KEY_FILE_OPTION.length())).toList();
        if (!files.isEmpty()) {
            Path file = Path.of(files.get(0));
            return EncryptionKeySource.parse(EncryptionKeySource.read(file), "the file " + file.toAbsolutePath());
        }
        String variable = System.getenv(NEW_KEY_VARIABLE);
        if (variable == null || variable.isBlank()) {
            throw new IllegalStateException("give the new key as " + NEW_KEY_FILE_OPTION + "<file> or in "
                    + NEW_KEY_VARIABLE + " (64 hexadecimal characters)");
        }
        return EncryptionKeySource.parse(variable, NEW_KEY_VARIABLE);
    }
}
