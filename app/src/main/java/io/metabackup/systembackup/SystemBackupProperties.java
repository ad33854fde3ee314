package io.metabackup.systembackup;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How this instance runs automated system backups (the backups themselves are configured in the settings).
 *
 * @param settingsRefresh how often the schedule is re-read from the database, so that a settings change made on
 *                        another instance of a cluster reaches this one (changes made here apply at once)
 * @param webhookTimeout  the longest a failure notification may take, per webhook
 */
@ConfigurationProperties("metabackup.system-backup")
public record SystemBackupProperties(@DefaultValue("30s") Duration settingsRefresh,
                                     @DefaultValue("5s") Duration webhookTimeout) {
}
