package io.metabackup.api.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of configuration Metabackup keeps, and the one place where each kind's secret fields are declared.
 */
public enum EntityType {

    ADAPTER("adapters", "adapters", "adapter", AdapterState.class, SecretPolicy.ANY_NAME),
    JOB("jobs", "jobs", "job", JobState.class, SecretPolicy.none()),
    USER("users", "users", "user", UserState.class, SecretPolicy.only("password")),
    GROUP("groups", "groups", "group", GroupState.class, SecretPolicy.none()),
    ENCRYPTION_PROFILE("encryption-profiles", "encryptionProfiles", "encryption profile", EncryptionProfileState.class, SecretPolicy.only("key")),
    SSO_PROVIDER("sso-providers", "ssoProviders", "SSO provider", SsoProviderState.class, SecretPolicy.only("clientSecret")),
    SETTINGS("settings", "settings", "settings", SettingsState.class, SecretPolicy.none());

    private final String path;
    private final String documentKey;
    private final String label;
    private final Class<? extends EntityState> stateClass;
    private final SecretPolicy secrets;

    EntityType(String path, String documentKey, String label, Class<? extends EntityState> stateClass, SecretPolicy secrets) {
        this.path = path;
        this.documentKey = documentKey;
        this.label = label;
        this.stateClass = stateClass;
        this.secrets = secrets;
    }

    /** The segment of {@code /api/config/{type}}. */
    public String path() {
        return path;
    }

    /** The key under {@code data} in a backup document. */
    public String documentKey() {
        return documentKey;
    }

    /** How messages name one entity of this type ("encryption profile"). */
    public String label() {
        return label;
    }

    public Class<? extends EntityState> stateClass() {
        return stateClass;
    }

    public SecretPolicy secrets() {
        return secrets;
    }

    /** The singleton (settings) has no collection path and no name. */
    public boolean isSingleton() {
        return this == SETTINGS;
    }

    public static Optional<EntityType> fromPath(String path) {
        return Arrays.stream(values()).filter(t -> !t.isSingleton() && t.path.equals(path)).findFirst();
    }

    /** Which secret names an entity type accepts. */
    public record SecretPolicy(boolean anyName, Set<String> names) {

        static final SecretPolicy ANY_NAME = new SecretPolicy(true, Set.of());

        static SecretPolicy none() {
            return new SecretPolicy(false, Set.of());
        }

        static SecretPolicy only(String... names) {
            return new SecretPolicy(false, Set.of(names));
        }

        public boolean accepts(String name) {
            return anyName ? SECRET_NAME.matcher(name).matches() : names.contains(name);
        }

        private static final java.util.regex.Pattern SECRET_NAME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    }
}
