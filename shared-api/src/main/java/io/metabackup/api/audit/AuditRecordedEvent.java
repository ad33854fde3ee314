package io.metabackup.api.audit;

import java.util.Map;

/**
 * An action worth auditing that is not a configuration change (a login, an export, a key reveal), kept in the event
 * stream beside the changes so that history and its integrity checks cover it too. The actor is in the payload as
 * well as in the metadata because some actions (a failed login) have no authenticated actor.
 *
 * @param details plain facts about the action; never a secret, a password or a token value
 * @param target  what the action concerned (a user name, a profile id), or {@code null}
 */
public record AuditRecordedEvent(String action, String actorId, String actorName, AuditOutcome outcome,
                                 Map<String, String> details, String target) {

    public AuditRecordedEvent {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
