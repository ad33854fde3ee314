package io.metabackup.history;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.metabackup.api.config.EntityRecord;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import io.metabackup.config.EntityJson;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** {@code POST /api/config/{type}/{id}/revert {"version": n, "expectedVersion"?}}: answers with the entity after. */
@RestController
class RevertController {

    private final EntityReverter reverter;
    private final EntityJson json;

    RevertController(EntityReverter reverter, EntityJson json) {
        this.reverter = reverter;
        this.json = json;
    }

    @PostMapping("/api/config/{type}/{id}/revert")
    ResponseEntity<ObjectNode> revert(@PathVariable("type") String path, @PathVariable UUID id,
                                      @RequestBody RevertRequest request) {
        EntityType type = EntityType.fromPath(path).orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND,
                "Unknown configuration type \"" + path + "\"; settings are reverted by writing them"));
        if (request == null || request.version() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "\"version\" (the version to go back to) is required");
        }
        EntityRecord reverted = reverter.revert(type, id, request.version(), request.expectedVersion());
        return ResponseEntity.ok().eTag("\"" + reverted.version() + "\"").body(json.write(reverted));
    }

    record RevertRequest(Long version, Long expectedVersion) {
    }
}
