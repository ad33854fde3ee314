package io.metabackup.history;

import io.metabackup.query.history.HistoryBackfill;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Fills history for events recorded before it existed, once, at startup. It runs in an early lifecycle phase, before
 * the web server accepts requests, so no new change is recorded while older ones are still missing.
 */
@Component
class HistoryBackfillOnStartup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HistoryBackfillOnStartup.class);

    private final HistoryBackfill backfill;
    private volatile boolean running;

    HistoryBackfillOnStartup(HistoryBackfill backfill) {
        this.backfill = backfill;
    }

    @Override
    public void start() {
        long recorded = backfill.run();
        if (recorded > 0) {
            log.info("Recorded history for {} configuration events that predate it", recorded);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server (which starts at {@code DEFAULT_PHASE - 1024}). */
    @Override
    public int getPhase() {
        return 0;
    }
}
