package io.metabackup.chain;

import io.metabackup.history.HistoryProperties;
import io.metabackup.query.chain.ChainSealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Extends the hash chain regularly, so that it stays close behind the event stream without anyone asking. */
@Component
class ChainSchedule {

    private static final Logger log = LoggerFactory.getLogger(ChainSchedule.class);

    private final ChainSealer sealer;
    private final HistoryProperties properties;

    ChainSchedule(ChainSealer sealer, HistoryProperties properties) {
        this.sealer = sealer;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${metabackup.history.chain-seal-interval:30s}",
            initialDelayString = "${metabackup.history.chain-seal-interval:30s}")
    void seal() {
        try {
            sealer.seal(properties.settleMargin());
        } catch (RuntimeException e) {
            log.warn("Extending the history hash chain failed; the next round tries again", e);
        }
    }
}
