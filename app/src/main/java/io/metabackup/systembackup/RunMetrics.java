package io.metabackup.systembackup;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** {@code metabackup.system_backup.runs{status, trigger}}: alert on the failed ones. */
@Component
class RunMetrics {

    static final String RUNS = "metabackup.system_backup.runs";

    private final MeterRegistry registry;

    RunMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void finished(SystemBackupRun run) {
        Counter.builder(RUNS).description("System backup runs by outcome")
                .tag("status", run.status().toLowerCase()).tag("trigger", run.trigger().toLowerCase())
                .register(registry).increment();
    }
}
