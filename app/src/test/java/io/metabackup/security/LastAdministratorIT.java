package io.metabackup.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.metabackup.api.config.Permission;
import io.metabackup.support.Api;
import io.metabackup.support.Entities;
import io.metabackup.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Nobody can remove the last administrator or lock every administrator out, whichever way they try. */
class LastAdministratorIT extends IntegrationTest {

    @Test
    void theLastAdministratorCannotBeDisabledDeletedOrStrippedOfAdministration() {
        Api admin = api();
        JsonNode me = admin.get("/api/auth/me").body();
        String adminId = me.path("id").asText();
        JsonNode adminUser = admin.get("/api/config/users/" + adminId).body();
        String groupId = adminUser.path("groupIds").get(0).asText();
        JsonNode group = admin.get("/api/config/groups/" + groupId).body();
        assertThat(administrators(admin)).as("precondition: the test admin is the only administrator")
                .containsExactly(adminId);

        assertRefused(admin.put("/api/config/users/" + adminId, user(adminUser, false, List.of(groupId))));
        assertRefused(admin.put("/api/config/users/" + adminId, user(adminUser, true, List.of())));
        assertRefused(admin.delete("/api/config/users/" + adminId));
        List<String> fewer = Permission.codes().stream().filter(p -> !p.equals("groups:write")).toList();
        assertRefused(admin.put("/api/config/groups/" + groupId, Map.of("name", group.path("name").asText(),
                "permissions", fewer)));
        assertRefused(admin.delete("/api/config/groups/" + groupId));
        assertThat(admin.get("/api/auth/me").status()).as("still an administrator").isEqualTo(200);

        // with a second administrator, either one may go
        String second = new Entities(admin).create("users", Map.of("username", Entities.unique("second-admin"),
                "groupIds", List.of(groupId)));
        JsonNode secondUser = admin.get("/api/config/users/" + second).body();
        assertThat(admin.put("/api/config/users/" + second, user(secondUser, false, List.of(groupId))).status())
                .isEqualTo(200);
        assertRefused(admin.put("/api/config/users/" + adminId, user(adminUser, false, List.of(groupId))));
        assertThat(admin.put("/api/config/users/" + second, user(secondUser, true, List.of(groupId))).status())
                .isEqualTo(200);
        assertThat(admin.delete("/api/config/users/" + second).status()).isEqualTo(204);
        assertThat(administrators(admin)).containsExactly(adminId);
    }

    private static void assertRefused(Api.Response response) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("LAST_ADMINISTRATOR");
    }

    private static Map<String, Object> user(JsonNode current, boolean enabled, List<String> groupIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", current.path("username").asText());
        body.put("email", current.path("email").isNull() ? null : current.path("email").asText());
        body.put("groupIds", groupIds);
        body.put("enabled", enabled);
        return body;
    }

    /** Enabled users holding users:read/write and groups:read/write, as the API shows them. */
    private static Set<String> administrators(Api api) {
        Map<String, Set<String>> groups = new HashMap<>();
        for (JsonNode group : api.get("/api/config/groups").body()) {
            Set<String> permissions = new HashSet<>();
            group.path("permissions").forEach(p -> permissions.add(p.asText()));
            groups.put(group.path("id").asText(), permissions);
        }
        Set<String> administrators = new HashSet<>();
        for (JsonNode user : api.get("/api/config/users").body()) {
            Set<String> held = new HashSet<>();
            user.path("groupIds").forEach(g -> held.addAll(groups.getOrDefault(g.asText(), Set.of())));
            if (user.path("enabled").asBoolean() && held.containsAll(Permission.administrationCodes())) {
                administrators.add(user.path("id").asText());
            }
        }
        return administrators;
    }
}
