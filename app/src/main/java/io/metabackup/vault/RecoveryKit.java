package io.metabackup.vault;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.metabackup.api.config.EntityRecord;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip to print or keep offline: the keys of the chosen profiles, the recovery steps and the backup format, so
 * that the backups can be read again even without a running Metabackup.
 */
@Component
class RecoveryKit {

    static final String FORMAT_RESOURCE = "metabackup/docs/backup-format.md";
    static final String STEPS_RESOURCE = "metabackup/recovery-kit/README.txt";

    private final ProfileKeys keys;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    RecoveryKit(ProfileKeys keys) {
        this.keys = keys;
    }

    byte[] build(List<UUID> profileIds) {
        if (profileIds.isEmpty()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "profileIds must name at least one profile");
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (UUID id : profileIds.stream().distinct().toList()) {
            EntityRecord profile = keys.profile(id);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("profileId", id.toString());
            entry.put("name", profile.state().naturalKey());
            entry.put("key", keys.key(profile));
            entries.add(entry);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            add(zip, "README.txt", resource(STEPS_RESOURCE));
            add(zip, "backup-format.md", resource(FORMAT_RESOURCE));
            add(zip, "keys.json", json.writeValueAsBytes(Map.of("createdAt", Instant.now().toString(),
                    "profiles", entries)));
            for (Map<String, Object> entry : entries) {
                add(zip, "keys/" + entry.get("profileId") + ".key",
                        (entry.get("key") + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        }
    }
}
