package io.metabackup.offline;

import com.fasterxml.jackson.databind.JsonNode;
import io.metabackup.api.backup.BackupCodec;
import io.metabackup.api.backup.BackupMetadata;
import io.metabackup.api.crypto.HexKey;
import io.metabackup.api.error.DomainException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * {@code metabackup decrypt}: verifies and decrypts a system backup file with nothing but the key and the
 * {@code .meta.json} beside it. No Spring, no database: it only uses the backup format of the shared API, so that
 * it works on any machine holding the jar after a disaster.
 */
public final class DecryptCommand {

    public static final String NAME = "decrypt";
    public static final String KEY_VARIABLE = "METABACKUP_BACKUP_KEY";

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int META_MISSING = 3;
    static final int WRONG_KEY = 4;
    static final int CORRUPT = 5;
    static final int UNSUPPORTED = 6;

    private static final String HELP = """
            Usage: java -jar metabackup.jar decrypt [options] <backup file>
              --key <64 hex>        the encryption profile's key (or --key-file, or env %s)
              --key-file <path>     a file holding the key
              --meta <path>         the metadata (default: <backup file>.meta.json)
              --out <path>          where to write the JSON document ("-" for standard output)
              --max-size <bytes>    refuse documents larger than this once decompressed (default %d)
            Verifies the file's SHA-256, decrypts and authenticates it, checks the document's SHA-256 and
            version, and prints a summary. Exit codes: 0 verified, 2 usage, 3 metadata missing, 4 wrong key
            (or IV/tag altered), 5 file or metadata corrupt, 6 unsupported version, 1 other errors.
            """.formatted(KEY_VARIABLE, BackupCodec.DEFAULT_MAX_PLAINTEXT_BYTES);

    private DecryptCommand() {
    }

    public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(HELP);
            return USAGE;
        }
        if (options == null) {
            out.print(HELP);
            return OK;
        }
        PrintStream report = "-".equals(options.output) ? err : out;
        try {
            byte[] file = Files.readAllBytes(options.file);
            byte[] metaBytes;
            try {
                metaBytes = Files.readAllBytes(options.meta);
            } catch (NoSuchFileException e) {
                err.println("error: META_MISSING: no metadata at " + options.meta + "; the IV and tag needed to "
                        + "decrypt are in it (give it with --meta)");
                return META_MISSING;
            }
            BackupMetadata meta = BackupMetadata.parse(metaBytes);
            byte[] key = null;
            if (meta.encrypted()) {
                String hex = options.key(env);
                if (hex == null) {
                    err.println("error: KEY_REQUIRED: the backup is encrypted (profile "
                            + meta.encryption().profileId() + "); give its key with --key, --key-file or "
                            + KEY_VARIABLE);
                    return USAGE;
                }
                key = HexKey.parse(hex).orElseThrow(() -> new IllegalArgumentException(
                        "the key must be 64 hexadecimal characters"));
            }
            BackupCodec.Verified verified = BackupCodec.decode(file, meta, key, options.maxSize);
            if (options.output != null) {
                if ("-".equals(options.output)) {
                    out.write(verified.plaintext());
                    out.flush();
                } else {
                    Files.write(Path.of(options.output), verified.plaintext());
                }
            }
            summarize(verified, report, options.output);
            return OK;
        } catch (DomainException e) {
            err.println("error: " + e.code() + ": " + e.getMessage());
            return switch (e.code()) {
                case WRONG_KEY -> WRONG_KEY;
                case CORRUPT_BACKUP, TOO_LARGE -> CORRUPT;
                case UNSUPPORTED_VERSION -> UNSUPPORTED;
                case KEY_REQUIRED, VALIDATION_FAILED -> USAGE;
                default -> FAILED;
            };
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return USAGE;
        } catch (IOException e) {
            err.println("error: cannot read or write a file: " + e);
            return FAILED;
        }
    }

    private static void summarize(BackupCodec.Verified verified, PrintStream report, String output) {
        BackupMetadata meta = verified.metadata();
        JsonNode document = verified.document();
        report.println("Backup verified: file SHA-256, " + (meta.encrypted() ? "AES-256-GCM tag, " : "")
                + "document SHA-256 and version match");
        report.println("  format version   " + document.path("version").asText());
        report.println("  state timestamp  " + document.path("timestamp").asText("(empty history)"));
        report.println("  stream position  " + document.path("position").asText());
        report.println("  exported at      " + meta.exportedAt());
        report.println("  snapshot version " + meta.snapshotVersion());
        report.println("  encrypted        " + (meta.encrypted() ? "yes, profile " + meta.encryption().profileId() : "no"));
        report.println("  includes secrets " + meta.includesSecrets());
        StringBuilder counts = new StringBuilder();
        document.path("data").fields().forEachRemaining(entry -> {
            if (entry.getValue().isArray()) {
                counts.append(counts.isEmpty() ? "" : ", ").append(entry.getKey()).append(' ')
                        .append(entry.getValue().size());
            }
        });
        report.println("  entities         " + counts);
        report.println("  document         " + (output == null ? "not written (use --out)"
                : "-".equals(output) ? "written to standard output" : "written to " + output));
    }

    private record Options(Path file, Path meta, String keyValue, Path keyFile, String output, long maxSize) {

        /** Null when help was asked for. */
        static Options parse(List<String> args, Map<String, String> env) {
            Deque<String> rest = new ArrayDeque<>(args);
            Path file = null;
            Path meta = null;
            String key = null;
            Path keyFile = null;
            String output = null;
            long maxSize = BackupCodec.DEFAULT_MAX_PLAINTEXT_BYTES;
            while (!rest.isEmpty()) {
                String arg = rest.pop();
                switch (arg) {
                    case "-h", "--help" -> {
                        return null;
                    }
                    case "--key" -> key = value(rest, arg);
                    case "--key-file" -> keyFile = Path.of(value(rest, arg));
                    case "--meta" -> meta = Path.of(value(rest, arg));
                    case "--out" -> output = value(rest, arg);
                    case "--max-size" -> {
                        try {
                            maxSize = Long.parseLong(value(rest, arg));
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--max-size must be a number of bytes");
                        }
                    }
                    default -> {
                        if (arg.startsWith("--") || file != null) {
                            throw new IllegalArgumentException("unexpected argument " + arg);
                        }
                        file = Path.of(arg);
                    }
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("no backup file given");
            }
            return new Options(file, meta != null ? meta : Path.of(file + ".meta.json"), key, keyFile, output,
                    maxSize);
        }

        String key(Map<String, String> env) throws IOException {
            if (keyValue != null) {
                return keyValue.strip();
            }
            if (keyFile != null) {
                return Files.readString(keyFile).strip();
            }
            String fromEnv = env.get(KEY_VARIABLE);
            return fromEnv == null ? null : fromEnv.strip();
        }

        private static String value(Deque<String> rest, String option) {
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return rest.pop();
        }
    }
}
