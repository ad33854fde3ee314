package io.metabackup.restore;

import com.fasterxml.jackson.databind.JsonNode;
import io.metabackup.api.audit.AuditMetadata;
import io.metabackup.api.audit.ChangeSource;
import io.metabackup.api.config.DeleteConfigEntityCommand;
import io.metabackup.api.config.EntityRecord;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import io.metabackup.api.persistence.BatchedWrites;
import io.metabackup.api.restore.RestoreConfigEntityCommand;
import io.metabackup.api.restore.RestoreNewConfigEntityCommand;
import io.metabackup.api.restore.RestoreOutcome;
import io.metabackup.api.restore.SystemRestoredEvent;
import io.metabackup.command.config.JdbcConfigIndex;
import io.metabackup.config.EntityJson;
import io.metabackup.query.config.CurrentConfiguration;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies a backup document all-or-nothing: every command of the restore joins one transaction, which commits
 * only when every entity succeeded. A dry run is the same run, rolled back: its plan is exactly what the real run
 * would do, because the same aggregates decide.
 */
@Component
public class RestoreExecutor {

    private static final List<EntityType> DELETE_ORDER = List.of(EntityType.JOB, EntityType.USER,
            EntityType.SSO_PROVIDER, EntityType.GROUP, EntityType.ENCRYPTION_PROFILE, EntityType.ADAPTER);

    private final CommandGateway commands;
    private final EventGateway events;
    private final CurrentConfiguration configuration;
    private final EntityJson json;
    private final TransactionTemplate transaction;
    private final StoredAggregates storedAggregates;
    private final JdbcConfigIndex index;
    private final BatchedWrites batch;

    public RestoreExecutor(CommandGateway commands, EventGateway events, CurrentConfiguration configuration,
                           EntityJson json, TransactionTemplate transaction, StoredAggregates storedAggregates,
                           JdbcConfigIndex index, BatchedWrites batch) {
        this.commands = commands;
        this.events = events;
        this.configuration = configuration;
        this.json = json;
        this.transaction = transaction;
        this.storedAggregates = storedAggregates;
        this.index = index;
        this.batch = batch;
    }

    public RestoreReport restore(JsonNode document, RestoreOptions options, RestoreSource source) {
        BackupContents contents = BackupContents.read(document, json);
        UUID restoreId = UUID.randomUUID();
        Map<String, Object> metadata = Map.of(AuditMetadata.SOURCE, ChangeSource.RESTORE.name(),
                AuditMetadata.RESTORE_ID, restoreId.toString());
        RestoreReport report = transaction.execute(status -> run(contents, options, source, restoreId, metadata, status));
        if (!report.dryRun() && !report.applied()) {
            throw new DomainException(ErrorCode.RESTORE_FAILED, "The restore was not applied: nothing changed. "
                    + "The report lists what stood in the way.", Map.of("report", report));
        }
        return report;
    }

    private RestoreReport run(BackupContents contents, RestoreOptions options, RestoreSource source, UUID restoreId,
                              Map<String, Object> metadata, TransactionStatus status) {
        RestoreReport.Builder report = new RestoreReport.Builder();
        Set<UUID> inBackup = new HashSet<>();
        contents.entities().forEach(entity -> inBackup.add(entity.id()));
        // one immutable set that every command shares instead of copying it
        Set<UUID> leaving = Set.copyOf(options.deletesAbsentEntities() ? absent(options, inBackup) : Set.of());
        List<BackupEntity> selected = contents.entities().stream()
                .filter(entity -> options.selects(entity.type(), entity.id())).toList();
        Set<UUID> stored = storedAggregates.among(selected.stream().map(BackupEntity::id).toList());
        expectLookUps(selected);
        for (BackupEntity entity : selected) {
            try {
                var restore = new RestoreConfigEntityCommand(entity.id(), entity.state(), entity.secrets(),
                        entity.omittedSecrets(), options.mode(), leaving);
                // an id seen twice in one document goes the ordinary way the second time
                Object command = stored.add(entity.id()) ? new RestoreNewConfigEntityCommand(restore) : restore;
                RestoreOutcome outcome = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                        .andMetaData(metadata));
                report.add(entity.type(), entity.id(), entity.name(), outcome);
            } catch (DomainException e) {
                RestoreOutcome.Action attempted = configuration.find(entity.type(), entity.id()).isPresent()
                        ? RestoreOutcome.Action.UPDATE : RestoreOutcome.Action.CREATE;
                report.fail(entity.type(), entity.id(), entity.name(), attempted, e);
            }
        }
        if (options.deletesAbsentEntities()) {
            deleteAbsent(options, inBackup, metadata, report);
        }
        // what still waits is sent now, so that a dry run meets the same refusals from the database as a real one
        batch.flush();
        boolean apply = !options.dryRun() && !report.failed();
        if (apply) {
            events.publish(GenericEventMessage.asEventMessage(new SystemRestoredEvent(restoreId, source.kind(),
                    source.destinationId(), source.fileName(), source.fileSha256(), options.mode(),
                    options.sections().stream().sorted().map(EntityType::documentKey).toList(), report.counts()))
                    .andMetaData(metadata));
        } else {
            status.setRollbackOnly();
        }
        return report.build(restoreId, options, apply);
    }

    /** The names and references the rules will look up for {@code selected}, read in one go (see the index). */
    private void expectLookUps(List<BackupEntity> selected) {
        Map<EntityType, Set<String>> names = new EnumMap<>(EntityType.class);
        Set<UUID> references = new HashSet<>();
        for (BackupEntity entity : selected) {
            names.computeIfAbsent(entity.type(), type -> new HashSet<>()).add(entity.name());
            entity.state().references().forEach(reference -> references.add(reference.targetId()));
        }
        index.expect(names, references);
    }

    /** REPLACE: what the backup does not hold goes, referrers before what they refer to. */
    private void deleteAbsent(RestoreOptions options, Set<UUID> inBackup, Map<String, Object> metadata,
                              RestoreReport.Builder report) {
        for (EntityType type : DELETE_ORDER) {
            if (!options.sections().contains(type)) {
                continue;
            }
            for (EntityRecord existing : configuration.list(type)) {
                if (inBackup.contains(existing.id())) {
                    continue;
                }
                try {
                    commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                            new DeleteConfigEntityCommand(existing.id(), type, null)).andMetaData(metadata));
                    report.add(type, existing.id(), existing.state().naturalKey(),
                            new RestoreOutcome(RestoreOutcome.Action.DELETE, List.of(), "not in the backup", Set.of()));
                } catch (DomainException e) {
                    report.fail(type, existing.id(), existing.state().naturalKey(), RestoreOutcome.Action.DELETE, e);
                }
            }
        }
    }

    /** What a REPLACE will delete: the entities of the restored sections that the backup does not hold. */
    private Set<UUID> absent(RestoreOptions options, Set<UUID> inBackup) {
        Set<UUID> absent = new HashSet<>();
        for (EntityType type : DELETE_ORDER) {
            if (options.sections().contains(type)) {
                configuration.list(type).stream().map(EntityRecord::id).filter(id -> !inBackup.contains(id))
                        .forEach(absent::add);
            }
        }
        return absent;
    }
}
