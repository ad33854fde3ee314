package io.metabackup;

import io.metabackup.offline.DecryptCommand;
import io.metabackup.secrets.EncryptionKeyRotation;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.Arrays;

/**
 * Metabackup: the configuration of a backup system as an event-sourced history, and encrypted system backups of it.
 * Kept in the root package on purpose: Axon registers its own JPA entities only while nothing narrows the scan.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MetabackupApplication {

    public static void main(String[] args) {
        // offline commands run before (and without) Spring: no database, no configuration, just files and a key
        if (args.length > 0 && DecryptCommand.NAME.equals(args[0])) {
            System.exit(DecryptCommand.run(Arrays.asList(args).subList(1, args.length), System.getenv(),
                    System.out, System.err));
        }
        // a self-hosted service makes no calls home and prints no advertisement; either can be re-enabled
        setIfAbsent("axoniq.update-checker.disabled", "true");
        setIfAbsent("disable-axoniq-console-message", "true");
        if (args.length > 0 && args[0].equals(EncryptionKeyRotation.COMMAND)) {
            System.exit(EncryptionKeyRotation.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        SpringApplication.run(MetabackupApplication.class, args);
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
