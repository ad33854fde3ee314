package io.metabackup.api.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Names the fields that differ between two states of an entity, descending into nested records. */
public final class ChangedFields {

    public static final String SECRET_PREFIX = "secrets.";
    /** Asking a class for its components copies them each time; a restore compares thousands of states. */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private ChangedFields() {
    }

    /** Fields of {@code after} that differ from {@code before}; {@code before == null} lists every set field. */
    public static List<String> between(EntityState before, EntityState after,
                                       Map<String, SealedSecret> secretsBefore, Map<String, SealedSecret> secretsAfter) {
        List<String> changed = new ArrayList<>();
        collect("", (Record) before, (Record) after, changed);
        TreeSet<String> secretNames = new TreeSet<>(secretsBefore.keySet());
        secretNames.addAll(secretsAfter.keySet());
        for (String name : secretNames) {
            if (!Objects.equals(fingerprint(secretsBefore.get(name)), fingerprint(secretsAfter.get(name)))) {
                changed.add(SECRET_PREFIX + name);
            }
        }
        return changed;
    }

    private static String fingerprint(SealedSecret secret) {
        return secret == null ? null : secret.fingerprint();
    }

    private static void collect(String prefix, Record before, Record after, List<String> changed) {
        for (RecordComponent component : COMPONENTS.get(after.getClass())) {
            Object oldValue = before == null ? null : read(component, before);
            Object newValue = read(component, after);
            String field = prefix + component.getName();
            if (newValue instanceof Record newRecord && (oldValue == null || oldValue instanceof Record)) {
                collect(field + ".", (Record) oldValue, newRecord, changed);
            } else if (!Objects.equals(oldValue, newValue) && !(before == null && isEmpty(newValue))) {
                changed.add(field);
            }
        }
    }

    private static boolean isEmpty(Object value) {
        return value == null
                || value instanceof java.util.Collection<?> c && c.isEmpty()
                || value instanceof Map<?, ?> m && m.isEmpty();
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
