package io.metabackup.api.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/**
 * The ordinary (non-secret) state of one configuration entity, exactly as the API shows it.
 * Implementations only describe themselves; the aggregate decides what is allowed.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = EntityState.TYPE_PROPERTY)
@JsonSubTypes({
        @JsonSubTypes.Type(value = AdapterState.class, name = "ADAPTER"),
        @JsonSubTypes.Type(value = JobState.class, name = "JOB"),
        @JsonSubTypes.Type(value = UserState.class, name = "USER"),
        @JsonSubTypes.Type(value = GroupState.class, name = "GROUP"),
        @JsonSubTypes.Type(value = EncryptionProfileState.class, name = "ENCRYPTION_PROFILE"),
        @JsonSubTypes.Type(value = SsoProviderState.class, name = "SSO_PROVIDER"),
        @JsonSubTypes.Type(value = SettingsState.class, name = "SETTINGS")
})
public sealed interface EntityState
        permits AdapterState, JobState, UserState, GroupState, EncryptionProfileState, SsoProviderState, SettingsState {

    /** The discriminator written into serialized events; never part of the API shape. */
    String TYPE_PROPERTY = "@type";

    EntityType type();

    /** The name that must be unique within the type ({@code name}, {@code username} or {@code providerId}). */
    String naturalKey();

    /** Every other entity this one points at; each must exist (and be of the right kind) when written. */
    List<Reference> references();

    /** Rules the entity can check on its own; an empty list means valid. */
    List<FieldError> validate();
}
