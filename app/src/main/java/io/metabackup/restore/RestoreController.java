package io.metabackup.restore;

import io.metabackup.api.config.EntityType;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import io.metabackup.api.restore.RestoreMode;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code POST /api/system-backup/restore}: online from a destination (JSON), or offline from an upload (multipart:
 * the backup and its {@code .meta.json}, or the zip of a manual export). Same options either way.
 */
@RestController
class RestoreController {

    private static final String PATH = "/api/system-backup/restore";

    private final SystemRestore restore;

    RestoreController(SystemRestore restore) {
        this.restore = restore;
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    RestoreReport fromDestination(@RequestBody RestoreRequest request) {
        if (request.destinationId() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "destinationId and fileName are required "
                    + "(or upload the backup as multipart/form-data)");
        }
        return restore.fromDestination(request.destinationId(), request.fileName(),
                new SystemRestore.KeyChoice(request.key(), request.encryptionProfileId()),
                options(request.mode(), request.sections(), request.ids(), request.dryRun()));
    }

    @PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    RestoreReport fromUpload(@RequestPart("file") MultipartFile file,
                             @RequestPart(name = "meta", required = false) MultipartFile meta,
                             @RequestParam(required = false) String mode,
                             @RequestParam(required = false) List<String> sections,
                             @RequestParam(required = false) List<UUID> ids,
                             @RequestPart(name = "key", required = false) String key,
                             @RequestParam(required = false) UUID encryptionProfileId,
                             @RequestParam(required = false) Boolean dryRun) {
        return restore.fromUpload(file.getOriginalFilename(), bytes(file), meta == null ? null : bytes(meta),
                new SystemRestore.KeyChoice(key, encryptionProfileId), options(mode, sections, ids, dryRun));
    }

    private static RestoreOptions options(String mode, Collection<String> sections, Collection<UUID> ids,
                                          Boolean dryRun) {
        return new RestoreOptions(mode(mode), sections(sections), ids == null ? Set.of() : Set.copyOf(ids),
                Boolean.TRUE.equals(dryRun));
    }

    private static RestoreMode mode(String mode) {
        if (mode == null || mode.isBlank()) {
            return RestoreMode.OVERWRITE;
        }
        try {
            return RestoreMode.valueOf(mode.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "mode must be one of "
                    + Arrays.toString(RestoreMode.values()));
        }
    }

    /** Sections by their document keys ({@code adapters}, {@code encryptionProfiles}, ...); a list or comma-separated. */
    private static Set<EntityType> sections(Collection<String> sections) {
        if (sections == null) {
            return Set.of();
        }
        return sections.stream().flatMap(s -> Arrays.stream(s.split(","))).map(String::trim)
                .filter(s -> !s.isEmpty()).map(RestoreController::section).collect(Collectors.toSet());
    }

    private static EntityType section(String name) {
        return Arrays.stream(EntityType.values()).filter(t -> t.documentKey().equals(name)).findFirst()
                .orElseThrow(() -> new DomainException(ErrorCode.VALIDATION_FAILED, "Unknown section \"" + name
                        + "\"; sections: " + Arrays.stream(EntityType.values()).map(EntityType::documentKey).toList()));
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key is a plain string only until the backup is opened; it never appears in {@link #toString()}. */
    record RestoreRequest(UUID destinationId, String fileName, String mode, List<String> sections, List<UUID> ids,
                          String key, UUID encryptionProfileId, Boolean dryRun) {
        @Override
        public String toString() {
            return "RestoreRequest[destinationId=" + destinationId + ", fileName=" + fileName + ", mode=" + mode + "]";
        }
    }
}
