package io.metabackup.history;

import io.metabackup.query.history.HistoryProjection;
import io.metabackup.query.history.HistoryRecorder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HistoryProjectionConfiguration {

    /**
     * History rows are keyed by the event's position in the JPA event table. With Axon Server as the event store
     * (optional, DESIGN section 1) that table stays empty; the projection would then fail every change, so it is
     * left out and history stays empty instead.
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    HistoryProjection historyProjection(HistoryRecorder recorder) {
        return new HistoryProjection(recorder);
    }
}
