package io.metabackup.api.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EntityStateJsonTest {

    private final ObjectMapper mapper = new ObjectMapper();

    static List<EntityState> states() {
        List<EntityState> states = new ArrayList<>(Samples.all());
        // and every type with the least that can be given, so defaults survive the trip too
        states.add(new AdapterState("a", AdapterKind.NOTIFICATION, "webhook", null));
        states.add(new JobState("j", null, null, null, null, null, null, null, null));
        states.add(new UserState("u", null, null, null, null));
        states.add(new GroupState("g", null));
        states.add(new EncryptionProfileState("e", null));
        states.add(new SsoProviderState("s", null, null, null, null, null));
        states.add(SettingsState.defaults());
        return states;
    }

    @ParameterizedTest
    @MethodSource("states")
    void everyStateRoundTripsAsThePolymorphicEntityState(EntityState state) throws JsonProcessingException {
        String json = mapper.writerFor(EntityState.class).writeValueAsString(state);

        assertThat(json).contains("\"@type\":\"" + state.type().name() + "\"");
        EntityState read = mapper.readValue(json, EntityState.class);
        assertThat(read).isInstanceOf(state.getClass()).isEqualTo(state);
    }

    @ParameterizedTest
    @MethodSource("states")
    void theConcreteTypeAlsoWritesTheDiscriminator(EntityState state) throws JsonProcessingException {
        String json = mapper.writeValueAsString(state);

        assertThat(json).contains("\"@type\":\"" + state.type().name() + "\"");
        assertThat(mapper.readValue(json, EntityState.class)).isEqualTo(state);
        assertThat(mapper.readValue(json, state.getClass())).isEqualTo(state);
    }

    @ParameterizedTest
    @MethodSource("states")
    void theJsonHoldsTheRecordComponentsAndTheDiscriminatorOnly(EntityState state) throws JsonProcessingException {
        JsonNode tree = mapper.readTree(mapper.writerFor(EntityState.class).writeValueAsString(state));

        List<String> expected = new ArrayList<>();
        expected.add(EntityState.TYPE_PROPERTY);
        Arrays.stream(state.getClass().getRecordComponents()).map(RecordComponent::getName).forEach(expected::add);
        List<String> actual = new ArrayList<>();
        tree.fieldNames().forEachRemaining(actual::add);
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(EntityType.class)
    void theDiscriminatorOfEachTypeIsItsEnumName(EntityType type) throws JsonProcessingException {
        EntityState state = Samples.all().stream().filter(s -> s.type() == type).findFirst().orElseThrow();
        JsonNode tree = mapper.readTree(mapper.writerFor(EntityState.class).writeValueAsString(state));

        assertThat(tree.get("@type").asText()).isEqualTo(type.name());
        assertThat(mapper.treeToValue(tree, EntityState.class)).isInstanceOf(type.stateClass());
    }

    @Test
    void missingPropertiesGetTheConstructorDefaults() throws JsonProcessingException {
        assertThat(mapper.readValue("{\"@type\":\"SETTINGS\"}", EntityState.class))
                .isEqualTo(SettingsState.defaults());
        assertThat(mapper.readValue("{\"@type\":\"SETTINGS\",\"systemBackup\":{\"enabled\":true}}", EntityState.class))
                .isEqualTo(new SettingsState(null, null, null,
                        new SystemBackupSettings(true, null, null, null, null, null)));
        JobState job = (JobState) mapper.readValue("{\"@type\":\"JOB\",\"name\":\"j\"}", EntityState.class);
        assertThat(job.compression()).isEqualTo(Compression.GZIP);
        assertThat(job.enabled()).isTrue();
        assertThat(job.destinationIds()).isEmpty();
    }

    @Test
    void aCreatedEventRoundTripsWithItsPolymorphicState() throws JsonProcessingException {
        ConfigEntityCreatedEvent event = new ConfigEntityCreatedEvent(UUID.randomUUID(), 0, Samples.job(),
                Map.of("token", new SealedSecret("base64==", "abc123")), List.of("name", "schedule", "secrets.token"));

        String json = mapper.writeValueAsString(event);

        assertThat(json).contains("\"@type\":\"JOB\"");
        ConfigEntityCreatedEvent read = mapper.readValue(json, ConfigEntityCreatedEvent.class);
        assertThat(read).isEqualTo(event);
        assertThat(read.state()).isInstanceOf(JobState.class);
        assertThat(read.type()).isEqualTo(EntityType.JOB);
    }

    @Test
    void everyStateRoundTripsInsideACreatedEvent() throws JsonProcessingException {
        for (EntityState state : states()) {
            ConfigEntityCreatedEvent event = new ConfigEntityCreatedEvent(UUID.randomUUID(), 0, state, Map.of(),
                    List.of());

            assertThat(mapper.readValue(mapper.writeValueAsString(event), ConfigEntityCreatedEvent.class))
                    .isEqualTo(event);
        }
    }

    @Test
    void updatedAndDeletedEventsRoundTripToo() throws JsonProcessingException {
        ConfigEntityUpdatedEvent updated = new ConfigEntityUpdatedEvent(UUID.randomUUID(), 3, Samples.settings(),
                Map.of(), List.of("systemBackup.schedule"));
        ConfigEntityDeletedEvent deleted = new ConfigEntityDeletedEvent(UUID.randomUUID(), 4, Samples.user(),
                Map.of("password", new SealedSecret("c", "f")), List.of());

        assertThat(mapper.readValue(mapper.writeValueAsString(updated), ConfigEntityUpdatedEvent.class))
                .isEqualTo(updated);
        assertThat(mapper.readValue(mapper.writeValueAsString(deleted), ConfigEntityDeletedEvent.class))
                .isEqualTo(deleted);
    }
}
