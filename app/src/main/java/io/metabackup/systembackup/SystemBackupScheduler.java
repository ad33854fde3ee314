package io.metabackup.systembackup;

import io.metabackup.api.config.ConfigEntityCreatedEvent;
import io.metabackup.api.config.ConfigEntityEvent;
import io.metabackup.api.config.ConfigEntityUpdatedEvent;
import io.metabackup.api.config.CronSchedule;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.config.SettingsState;
import io.metabackup.api.config.SystemBackupSettings;
import io.metabackup.query.config.CurrentConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;

/**
 * Fires the automated system backup at each slot of the cron schedule in the configured time zone. Every instance
 * of a cluster schedules the same slots; {@link SystemBackupRunner#runSlot} lets only the first claim of a slot run.
 * A settings change made on this instance reschedules as soon as it is committed; a change made on another instance
 * is picked up by a periodic re-read of the settings.
 */
@Component
@ProcessingGroup(SystemBackupScheduler.PROCESSING_GROUP)
public class SystemBackupScheduler implements SmartLifecycle {

    static final String PROCESSING_GROUP = "system-backup-schedule";
    private static final Logger log = LoggerFactory.getLogger(SystemBackupScheduler.class);

    private final CurrentConfiguration configuration;
    private final SystemBackupRunner runner;
    private final SystemBackupProperties properties;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

    private Plan plan;
    private ScheduledFuture<?> next;
    private Instant nextSlot;
    private ScheduledFuture<?> refresher;
    private volatile boolean running;

    SystemBackupScheduler(CurrentConfiguration configuration, SystemBackupRunner runner,
                          SystemBackupProperties properties) {
        this.configuration = configuration;
        this.runner = runner;
        this.properties = properties;
        // one thread runs backups, the other keeps re-reading the settings meanwhile
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("system-backup-");
        scheduler.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void start() {
        scheduler.initialize();
        running = true;
        refresher = scheduler.scheduleWithFixedDelay(this::refresh, properties.settingsRefresh());
    }

    @Override
    public void stop() {
        running = false;
        synchronized (this) {
            cancel();
            if (refresher != null) {
                refresher.cancel(false);
            }
        }
        scheduler.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the web server and the event processors, so a first slot never meets a half-started app. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    @EventHandler
    void on(ConfigEntityCreatedEvent event) {
        settingsChanged(event);
    }

    @EventHandler
    void on(ConfigEntityUpdatedEvent event) {
        settingsChanged(event);
    }

    /** Runs inside the command's transaction: reschedule only once it committed, from what was committed. */
    private void settingsChanged(ConfigEntityEvent event) {
        if (event.type() != EntityType.SETTINGS) {
            return;
        }
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> refresh());
        } else {
            refresh();
        }
    }

    /** Reads the settings and reschedules if what they say about the schedule changed. Never throws. */
    public void refresh() {
        if (!running) {
            return;
        }
        try {
            SettingsState settings = (SettingsState) configuration.settings().state();
            apply(Plan.of(settings));
        } catch (RuntimeException e) {
            log.warn("Could not read the system backup settings; the schedule stays as it was", e);
        }
    }

    /** The next slot this instance will try to claim; null when nothing is scheduled. */
    public synchronized Instant nextSlot() {
        return nextSlot;
    }

    private synchronized void apply(Plan wanted) {
        if (Objects.equals(wanted, plan) && (next != null || !wanted.active())) {
            return;
        }
        cancel();
        plan = wanted;
        if (wanted.active()) {
            scheduleAfter(Instant.now(), wanted);
            log.info("Automated system backup scheduled \"{}\" ({}); next slot {}", wanted.cron(), wanted.zone(),
                    nextSlot);
        } else {
            log.info("Automated system backup is off");
        }
    }

    private void scheduleAfter(Instant after, Plan forPlan) {
        ZonedDateTime slot = forPlan.expression().next(after.atZone(forPlan.zone()));
        if (slot == null) {
            return;
        }
        Instant instant = slot.toInstant();
        nextSlot = instant;
        next = scheduler.schedule(() -> fire(instant, forPlan), instant);
    }

    private void fire(Instant slot, Plan forPlan) {
        synchronized (this) {
            if (!forPlan.equals(plan) || !running) {
                return;
            }
        }
        try {
            runner.runSlot(slot).ifPresent(run -> log.debug("Slot {} ran as {}", slot, run.id()));
        } catch (RuntimeException e) {
            log.error("System backup slot {} could not be run", slot, e);
        }
        synchronized (this) {
            if (forPlan.equals(plan) && running) {
                // never the same slot twice, even if the timer fired a little early
                Instant now = Instant.now();
                scheduleAfter(now.isAfter(slot) ? now : slot, forPlan);
            }
        }
    }

    private void cancel() {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
        nextSlot = null;
    }

    /** What the settings say about when to run; runs read the rest (destination, key, ...) afresh. */
    record Plan(boolean active, String cron, ZoneId zone) {

        static Plan of(SettingsState settings) {
            SystemBackupSettings backup = settings.systemBackup();
            return new Plan(backup.enabled() && backup.destinationId() != null, backup.schedule(),
                    ZoneId.of(settings.timeZone()));
        }

        CronExpression expression() {
            return CronSchedule.parse(cron);
        }
    }
}
