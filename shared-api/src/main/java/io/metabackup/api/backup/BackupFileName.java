package io.metabackup.api.backup;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a system backup file: {@code config_backup_<UTC yyyy-MM-dd'T'HH-mm-ss>.json.gz.enc} (or
 * {@code .json.gz} when not encrypted), with its metadata beside it as {@code <name>.meta.json}. Only names of this
 * exact form are ours: listing and retention ignore everything else in a destination.
 *
 * @param timestamp the export time the name carries, whole seconds
 */
public record BackupFileName(String name, Instant timestamp, boolean encrypted) {

    public static final String PREFIX = "config_backup_";
    public static final String PLAIN_SUFFIX = ".json.gz";
    public static final String ENCRYPTED_SUFFIX = ".json.gz.enc";
    public static final String META_SUFFIX = ".meta.json";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss");
    private static final Pattern NAME = Pattern.compile(
            Pattern.quote(PREFIX) + "(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2})\\.json\\.gz(\\.enc)?");

    public static BackupFileName of(Instant exportedAt, boolean encrypted) {
        Instant seconds = exportedAt.truncatedTo(ChronoUnit.SECONDS);
        String name = PREFIX + STAMP.format(seconds.atOffset(ZoneOffset.UTC))
                + (encrypted ? ENCRYPTED_SUFFIX : PLAIN_SUFFIX);
        return new BackupFileName(name, seconds, encrypted);
    }

    /** The backup file name {@code name} stands for, or empty when it is not one of ours (metadata names included). */
    public static Optional<BackupFileName> parse(String name) {
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            Instant timestamp = LocalDateTime.parse(matcher.group(1), STAMP).toInstant(ZoneOffset.UTC);
            return Optional.of(new BackupFileName(name, timestamp, matcher.group(2) != null));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Same kind of file, one second later: how two exports within one second get distinct names. */
    public BackupFileName nextSecond() {
        return of(timestamp.plusSeconds(1), encrypted);
    }

    public String metaName() {
        return metaNameOf(name);
    }

    public static String metaNameOf(String backupName) {
        return backupName + META_SUFFIX;
    }
}
