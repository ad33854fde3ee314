package io.metabackup.api.config;

import java.util.List;

/** A named set of permissions from the fixed catalogue ({@link Permission}). */
public record GroupState(String name, List<String> permissions) implements EntityState {

    public GroupState {
        permissions = permissions == null ? List.of() : permissions.stream().distinct().sorted().toList();
    }

    @Override
    public EntityType type() {
        return EntityType.GROUP;
    }

    @Override
    public String naturalKey() {
        return name;
    }

    @Override
    public List<Reference> references() {
        return List.of();
    }

    @Override
    public List<FieldError> validate() {
        Validation v = new Validation().name("name", name);
        permissions.forEach(p -> v.require(Permission.fromCode(p).isPresent(), "permissions",
                "unknown permission \"" + p + "\"; known permissions: " + Permission.codes()));
        return v.errors();
    }
}
