package io.metabackup.vault;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.metabackup.api.audit.AuditAction;
import io.metabackup.api.audit.AuditOutcome;
import io.metabackup.api.backup.EntityShape;
import io.metabackup.api.config.EntityRecord;
import io.metabackup.audit.AuditTrail;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Encryption-profile keys: import, reveal, and the recovery kit to keep offline. */
@RestController
@RequestMapping("/api/vault")
class VaultController {

    private final KeyImport keyImport;
    private final ProfileKeys keys;
    private final RecoveryKit recoveryKit;
    private final AuditTrail audit;

    VaultController(KeyImport keyImport, ProfileKeys keys, RecoveryKit recoveryKit, AuditTrail audit) {
        this.keyImport = keyImport;
        this.keys = keys;
        this.recoveryKit = recoveryKit;
        this.audit = audit;
    }

    @PostMapping("/profiles/import")
    ResponseEntity<ObjectNode> importKey(@RequestBody KeyImport.Request request) {
        KeyImport.Result result = keyImport.importKey(request);
        return ResponseEntity.status(result.created() ? 201 : 200).body(EntityShape.of(result.profile()));
    }

    @GetMapping("/profiles/{id}/key")
    ResponseEntity<Map<String, Object>> reveal(@PathVariable UUID id) {
        EntityRecord profile = keys.profile(id);
        String key = keys.key(profile);
        audit.record(AuditAction.VAULT_KEY_REVEALED, AuditOutcome.SUCCESS, id.toString(),
                Map.of("profile", profile.state().naturalKey()));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(Map.of("profileId", id, "name", profile.state().naturalKey(), "key", key));
    }

    @GetMapping(value = "/recovery-kit", produces = "application/zip")
    ResponseEntity<byte[]> recoveryKit(@RequestParam("profileIds") List<UUID> profileIds) {
        byte[] kit = recoveryKit.build(profileIds);
        audit.record(AuditAction.RECOVERY_KIT_DOWNLOADED, AuditOutcome.SUCCESS, null,
                Map.of("profileIds", String.join(",", profileIds.stream().map(UUID::toString).toList())));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename("metabackup-recovery-kit.zip").build().toString())
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(kit);
    }
}
