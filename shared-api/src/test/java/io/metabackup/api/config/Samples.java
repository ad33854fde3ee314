package io.metabackup.api.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Fully populated, valid states of every entity type, and helpers to read validation results. */
final class Samples {

    static final UUID SOURCE = UUID.fromString("11111111-1111-1111-1111-111111111111");
    static final UUID DESTINATION_A = UUID.fromString("22222222-2222-2222-2222-22222222222a");
    static final UUID DESTINATION_B = UUID.fromString("22222222-2222-2222-2222-22222222222b");
    static final UUID NOTIFICATION = UUID.fromString("33333333-3333-3333-3333-333333333333");
    static final UUID PROFILE = UUID.fromString("44444444-4444-4444-4444-444444444444");
    static final UUID GROUP_A = UUID.fromString("55555555-5555-5555-5555-55555555555a");
    static final UUID GROUP_B = UUID.fromString("55555555-5555-5555-5555-55555555555b");

    private Samples() {
    }

    static AdapterState adapter() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("host", "db.internal");
        settings.put("port", 5432);
        settings.put("tls", true);
        settings.put("database", "orders");
        settings.put("options", List.of("a", "b"));
        settings.put("pool", Map.of("max", 8));
        return new AdapterState("Orders DB", AdapterKind.DATABASE, "postgres", settings);
    }

    static JobState job() {
        return new JobState("Nightly orders", SOURCE, List.of(DESTINATION_A, DESTINATION_B), "30 2 * * *", false,
                PROFILE, Compression.ZSTD, new Retention(7), List.of(NOTIFICATION));
    }

    static UserState user() {
        return new UserState("alice", "alice@example.com", "Alice Liddell", List.of(GROUP_A, GROUP_B), false);
    }

    static GroupState group() {
        return new GroupState("Operators", List.of("jobs:write", "jobs:read", "adapters:read"));
    }

    static EncryptionProfileState encryptionProfile() {
        return new EncryptionProfileState("Offsite key", "used for the off-site copies");
    }

    static SsoProviderState ssoProvider() {
        return new SsoProviderState("corp-idp", "Corporate IdP", "https://login.example.com/realms/corp", "metabackup",
                List.of("openid", "email", "profile"), false);
    }

    static SettingsState settings() {
        return new SettingsState(8, "Europe/Berlin", Map.of("theme", "dark", "pageSize", 50),
                new SystemBackupSettings(true, "0 0 4 * * SUN", DESTINATION_A, PROFILE, true, 30));
    }

    static List<EntityState> all() {
        return List.of(adapter(), job(), user(), group(), encryptionProfile(), ssoProvider(), settings());
    }

    static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
