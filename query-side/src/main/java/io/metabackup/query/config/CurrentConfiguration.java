package io.metabackup.query.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metabackup.api.config.EntityRecord;
import io.metabackup.api.config.EntityState;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.config.SealedSecret;
import io.metabackup.api.config.SettingsState;
import io.metabackup.api.persistence.BatchedWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the current configuration from the read model. Writes of the current transaction that are still waiting
 * in a batch ({@link BatchedWrites}) are sent first, so a transaction always reads its own changes.
 */
@Repository
public class CurrentConfiguration {

    private static final TypeReference<Map<String, SealedSecret>> SECRETS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final BatchedWrites batch;
    private final RowMapper<EntityRecord> rowMapper = this::map;

    public CurrentConfiguration(JdbcTemplate jdbc, ObjectMapper json, BatchedWrites batch) {
        this.jdbc = jdbc;
        this.json = json;
        this.batch = batch;
    }

    /** Every live entity of {@code type}, ordered by name. */
    public List<EntityRecord> list(EntityType type) {
        batch.flush();
        return jdbc.query("select * from config_entity where type = ? order by lower(natural_key), id",
                rowMapper, type.name());
    }

    public Optional<EntityRecord> find(EntityType type, UUID id) {
        batch.flush();
        return jdbc.query("select * from config_entity where type = ? and id = ?", rowMapper, type.name(), id)
                .stream().findFirst();
    }

    /** The live entity of {@code type} whose name is {@code naturalKey}, ignoring case. */
    public Optional<EntityRecord> findByName(EntityType type, String naturalKey) {
        batch.flush();
        return jdbc.query("select * from config_entity where type = ? and lower(natural_key) = lower(?)", rowMapper,
                type.name(), naturalKey).stream().findFirst();
    }

    /** The settings as stored, or the defaults (version -1) when nobody has written them yet. */
    public EntityRecord settings() {
        return find(EntityType.SETTINGS, SettingsState.ID)
                .orElseGet(() -> new EntityRecord(SettingsState.ID, -1, SettingsState.defaults(), Map.of()));
    }

    private EntityRecord map(ResultSet rs, int row) throws SQLException {
        try {
            return new EntityRecord(rs.getObject("id", UUID.class), rs.getLong("version"),
                    json.readValue(rs.getString("state"), EntityState.class),
                    json.readValue(rs.getString("secrets"), SECRETS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable read model row " + rs.getObject("id"), e);
        }
    }
}
