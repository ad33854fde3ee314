package io.metabackup.command.config;

import io.metabackup.api.config.EntityState;
import io.metabackup.api.config.GroupState;
import io.metabackup.api.config.Permission;
import io.metabackup.api.config.UserState;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Users and groups as access control sees them: who is enabled, who is in which group, which group holds which
 * permission. Rules ask it "what if" by applying a change that has not happened yet ({@link #with}).
 */
public record AccessView(Map<UUID, UserAccess> users, Map<UUID, Set<String>> groups) {

    public AccessView {
        users = Map.copyOf(users);
        groups = Map.copyOf(groups);
    }

    public record UserAccess(boolean enabled, List<UUID> groupIds) {

        public UserAccess {
            groupIds = List.copyOf(groupIds);
        }
    }

    /** The permission codes a user holds through its groups; none for an unknown or disabled user. */
    public Set<String> permissionsOf(UUID userId) {
        UserAccess user = users.get(userId);
        if (user == null || !user.enabled()) {
            return Set.of();
        }
        return user.groupIds().stream()
                .flatMap(group -> groups.getOrDefault(group, Set.of()).stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Enabled users that hold every permission of {@link Permission#ADMINISTRATION}. */
    public Set<UUID> administrators() {
        Set<String> required = Permission.administrationCodes();
        return users.keySet().stream()
                .filter(id -> permissionsOf(id).containsAll(required))
                .collect(Collectors.toSet());
    }

    /** The view after the user or group {@code id} takes {@code state}, or is deleted when it is {@code null}. */
    public AccessView with(UUID id, EntityState state) {
        Map<UUID, UserAccess> newUsers = new HashMap<>(users);
        Map<UUID, Set<String>> newGroups = new HashMap<>(groups);
        newUsers.remove(id);
        newGroups.remove(id);
        if (state instanceof UserState user) {
            newUsers.put(id, new UserAccess(Boolean.TRUE.equals(user.enabled()), user.groupIds()));
        } else if (state instanceof GroupState group) {
            newGroups.put(id, Set.copyOf(group.permissions()));
        }
        return new AccessView(newUsers, newGroups);
    }
}
