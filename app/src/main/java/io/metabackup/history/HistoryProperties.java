package io.metabackup.history;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param snapshotEvery         an automatic snapshot once the newest snapshot is this many positions behind
 * @param snapshotCheckInterval how often that is checked
 * @param settleMargin          how old an event must be before snapshots and the hash chain cover it
 * @param chainSealInterval     how often the hash chain is extended
 */
@ConfigurationProperties("metabackup.history")
public record HistoryProperties(@DefaultValue("1000") int snapshotEvery,
                                @DefaultValue("5s") Duration snapshotCheckInterval,
                                @DefaultValue("10s") Duration settleMargin,
                                @DefaultValue("30s") Duration chainSealInterval) {

    public HistoryProperties {
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("metabackup.history.snapshot-every must be at least 1");
        }
    }
}
