package io.metabackup.api.config;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** A database source, a storage destination or a notification channel. */
public record AdapterState(String name, AdapterKind kind, String adapterType, Map<String, Object> settings)
        implements EntityState {

    private static final Pattern ADAPTER_TYPE = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    /** Setting names that almost certainly hold a secret, which belongs in {@code secrets} instead. */
    private static final Pattern SECRET_LIKE = Pattern.compile(
            "(?i).*(password|passwd|secret|token|api[-_]?key|private[-_]?key|credential|serviceaccountjson).*");

    public AdapterState {
        settings = settings == null ? Map.of() : new TreeMap<>(settings);
    }

    @Override
    public EntityType type() {
        return EntityType.ADAPTER;
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
        Validation v = new Validation()
                .name("name", name)
                .notNull(kind, "kind")
                .require(adapterType != null && ADAPTER_TYPE.matcher(adapterType).matches(), "adapterType",
                        "must be a lower-case type such as \"postgres\", \"local\", \"gcs\" or \"webhook\"");
        settings.keySet().forEach(key -> v.require(!SECRET_LIKE.matcher(key).matches(), "settings." + key,
                "looks like a secret; send it in \"secrets\" so that it is encrypted"));
        return v.errors();
    }
}
