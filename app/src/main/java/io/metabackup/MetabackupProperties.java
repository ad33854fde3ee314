package io.metabackup;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the running instance (as opposed to the configuration it manages).
 *
 * @param dataDir          where the embedded PostgreSQL and a generated encryption key live
 * @param embeddedPostgres the embedded database used when no {@code spring.datasource.url} is set
 * @param login            throttling of failed logins
 */
@ConfigurationProperties("metabackup")
public record MetabackupProperties(@DefaultValue("./data") Path dataDir,
                                   @DefaultValue EmbeddedPostgres embeddedPostgres,
                                   @DefaultValue Passwords passwords,
                                   @DefaultValue Login login) {

    /**
     * @param port           0 picks a free port at each start
     * @param startupTimeout long enough for crash recovery after an unclean stop
     */
    public record EmbeddedPostgres(@DefaultValue("0") int port, @DefaultValue("60s") Duration startupTimeout) {
    }

    public record Passwords(@DefaultValue("12") int minLength) {
    }

    /**
     * Failed logins within {@code window} that lock an account name, or a client address, until the oldest of them
     * is older than the window. Locked attempts get the same answer as a wrong password.
     */
    public record Login(@DefaultValue("5") int maxFailuresPerAccount, @DefaultValue("20") int maxFailuresPerAddress,
                        @DefaultValue("15m") Duration window) {
    }
}
