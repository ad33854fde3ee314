package io.metabackup.api.config;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A scheduled backup of one database source to one or more storage destinations. */
public record JobState(String name,
                       UUID sourceId,
                       List<UUID> destinationIds,
                       String schedule,
                       Boolean enabled,
                       UUID encryptionProfileId,
                       Compression compression,
                       Retention retention,
                       List<UUID> notificationIds) implements EntityState {

    public JobState {
        destinationIds = destinationIds == null ? List.of() : List.copyOf(destinationIds);
        notificationIds = notificationIds == null ? List.of() : List.copyOf(notificationIds);
        enabled = enabled == null || enabled;
        compression = compression == null ? Compression.GZIP : compression;
        retention = retention == null ? new Retention(null) : retention;
    }

    @Override
    public EntityType type() {
        return EntityType.JOB;
    }

    @Override
    public String naturalKey() {
        return name;
    }

    @Override
    public List<Reference> references() {
        List<Reference> references = new ArrayList<>();
        if (sourceId != null) {
            references.add(Reference.toAdapter("sourceId", sourceId, AdapterKind.DATABASE));
        }
        Reference.addAll(references, "destinationIds", destinationIds, AdapterKind.STORAGE);
        Reference.addAll(references, "notificationIds", notificationIds, AdapterKind.NOTIFICATION);
        if (encryptionProfileId != null) {
            references.add(Reference.to("encryptionProfileId", encryptionProfileId, EntityType.ENCRYPTION_PROFILE));
        }
        return references;
    }

    @Override
    public List<FieldError> validate() {
        return new Validation()
                .name("name", name)
                .notNull(sourceId, "sourceId")
                .require(!destinationIds.isEmpty(), "destinationIds", "must name at least one storage adapter")
                .noDuplicates("destinationIds", destinationIds)
                .noDuplicates("notificationIds", notificationIds)
                .cron("schedule", schedule)
                .require(retention.keepLast() == null || retention.keepLast() >= 1, "retention.keepLast",
                        "must be at least 1")
                .errors();
    }
}
