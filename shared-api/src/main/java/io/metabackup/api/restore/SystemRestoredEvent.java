package io.metabackup.api.restore;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The record of one completed restore, stored in the event stream beside the changes it made (each of which
 * carries the same {@code restoreId} in its metadata).
 *
 * @param source     where the backup came from: {@code UPLOAD} or {@code DESTINATION}
 * @param fileSha256 SHA-256 of the backup file as received
 * @param sections   the document keys restored ({@code adapters}, ..., {@code settings})
 * @param counts     how many entities each action touched
 */
public record SystemRestoredEvent(UUID restoreId, String source, UUID destinationId, String fileName,
                                  String fileSha256, RestoreMode mode, List<String> sections,
                                  Map<RestoreOutcome.Action, Integer> counts) {
}
