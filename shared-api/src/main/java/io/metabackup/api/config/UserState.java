package io.metabackup.api.config;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** A person or automation account; the password hash is its only secret. */
public record UserState(String username, String email, String displayName, List<UUID> groupIds, Boolean enabled)
        implements EntityState {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    public UserState {
        groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
        enabled = enabled == null || enabled;
    }

    @Override
    public EntityType type() {
        return EntityType.USER;
    }

    @Override
    public String naturalKey() {
        return username;
    }

    @Override
    public List<Reference> references() {
        List<Reference> references = new ArrayList<>();
        for (int i = 0; i < groupIds.size(); i++) {
            references.add(Reference.to("groupIds[" + i + "]", groupIds.get(i), EntityType.GROUP));
        }
        return references;
    }

    @Override
    public List<FieldError> validate() {
        return new Validation()
                .require(username != null && USERNAME.matcher(username).matches(), "username",
                        "must be 1-64 letters, digits or . _ @ - and start with a letter or digit")
                .email("email", email)
                .noDuplicates("groupIds", groupIds)
                .errors();
    }
}
