package io.metabackup.benchmark;

import io.metabackup.api.backup.BackupCodec;
import io.metabackup.api.backup.BackupDocument;
import io.metabackup.api.backup.SecretValues;
import io.metabackup.api.config.AdapterKind;
import io.metabackup.api.config.AdapterState;
import io.metabackup.api.config.CreateConfigEntityCommand;
import io.metabackup.api.config.EncryptionProfileState;
import io.metabackup.api.config.GroupState;
import io.metabackup.api.config.SecretValue;
import io.metabackup.api.crypto.HexKey;
import io.metabackup.api.history.ConfigurationState;
import io.metabackup.api.history.PointInTime;
import io.metabackup.backup.BackupExporter;
import io.metabackup.backup.ExportOptions;
import io.metabackup.backup.ExportedBackup;
import io.metabackup.query.history.PointInTimeConfiguration;
import io.metabackup.query.history.SnapshotStore;
import io.metabackup.support.IntegrationTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Export of a configuration of 10,000 entities: where does the time go, reading the state (events or snapshot) or
 * serialising, compressing and encrypting it? Run with {@code ./mvnw -B -Pbenchmark -pl app -am test}; excluded
 * from the ordinary build. Prints its figures to standard output.
 */
@Tag("benchmark")
class ExportBenchmarkIT extends IntegrationTest {

    private static final int GROUPS = 9_000;
    private static final int ADAPTERS = 999;
    private static final int ROUNDS = 5;

    @Autowired
    CommandGateway commands;
    @Autowired
    PointInTimeConfiguration history;
    @Autowired
    SnapshotStore snapshots;
    @Autowired
    BackupExporter exporter;

    @Test
    void exportTenThousandEntities() throws Exception {
        String hexKey = HexKey.generate();
        UUID profile = UUID.randomUUID();
        commands.sendAndWait(new CreateConfigEntityCommand(profile, new EncryptionProfileState("bench", "benchmark"),
                Map.of(EncryptionProfileState.KEY_SECRET, new SecretValue(hexKey))));
        long load = System.nanoTime();
        create();
        double loadSeconds = (System.nanoTime() - load) / 1e9;

        long position = history.resolve(PointInTime.latest());
        ConfigurationState fromEvents = history.at(PointInTime.atPosition(position));
        assertThat(fromEvents.entities()).hasSizeGreaterThanOrEqualTo(GROUPS + ADAPTERS + 1);
        List<Long> foldEvents = time(() -> history.at(PointInTime.atPosition(position)));
        List<Long> saveSnapshot = time(() -> snapshots.save(fromEvents, position, "BENCHMARK"));
        List<Long> readSnapshot = time(() -> history.at(PointInTime.atPosition(position)));

        byte[][] plaintext = new byte[1][];
        List<Long> serialise = time(() -> plaintext[0] = BackupDocument.canonical(fromEvents, SecretValues.OMITTED));
        byte[][] compressed = new byte[1][];
        List<Long> compress = time(() -> compressed[0] = BackupCodec.gzip(plaintext[0]));
        byte[] key = HexFormat.of().parseHex(hexKey);
        List<Long> encrypt = time(() -> encrypt(key, compressed[0]));
        List<Long> hash = time(() -> BackupCodec.sha256(plaintext[0]) + BackupCodec.sha256(compressed[0]));
        List<Long> wholeExport = time(() -> exporter.export(new ExportOptions(profile, false, PointInTime.latest(),
                ExportOptions.MANUAL)));
        List<Long> wholeWithSecrets = time(() -> exporter.export(new ExportOptions(profile, true,
                PointInTime.latest(), ExportOptions.MANUAL)));
        ExportedBackup sample = exporter.export(new ExportOptions(profile, true, PointInTime.latest(),
                ExportOptions.MANUAL));
        var document = BackupCodec.decode(sample.file(), sample.metadata(), key, 1L << 30).document();
        assertThat(document.path("data").path("groups").size()).isGreaterThanOrEqualTo(GROUPS);
        List<String> passwords = new ArrayList<>();
        document.path("data").path("adapters").forEach(a -> passwords.add(a.path("secrets").path("password").asText()));
        assertThat(passwords).hasSize(ADAPTERS).allMatch(p -> p.startsWith("password-"));

        long read = median(readSnapshot);
        long write = median(serialise) + median(compress) + median(encrypt) + median(hash);
        System.out.printf("%n=== Export benchmark: %,d entities (%,d groups, %,d adapters with a secret, 1 profile) ===%n",
                fromEvents.entities().size(), GROUPS, ADAPTERS);
        System.out.printf("loading the configuration through commands: %.1f s%n", loadSeconds);
        System.out.printf("document %,d bytes, gzip %,d bytes (%.1f%%)%n", plaintext[0].length,
                compressed[0].length, 100.0 * compressed[0].length / plaintext[0].length);
        System.out.println("step                                   median ms    min ms   (" + ROUNDS + " rounds)");
        row("state: fold all events (no snapshot)", foldEvents);
        row("snapshot: save", saveSnapshot);
        row("state: read snapshot", readSnapshot);
        row("serialise canonical JSON", serialise);
        row("compress (gzip)", compress);
        row("encrypt (AES-256-GCM)", encrypt);
        row("SHA-256 of plaintext and file", hash);
        row("whole export, no secrets", wholeExport);
        row("whole export, secrets opened", wholeWithSecrets);
        System.out.printf("split: reading the snapshot %.0f%% | serialise+compress+encrypt+hash %.0f%%%n%n",
                100.0 * read / (read + write), 100.0 * write / (read + write));
    }

    private void create() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int thread = t;
            work.add(threads.submit(() -> {
                for (int i = thread; i < GROUPS; i += 2) {
                    commands.sendAndWait(new CreateConfigEntityCommand(UUID.randomUUID(),
                            new GroupState("bench-group-" + i, List.of("jobs:read", "adapters:read")), Map.of()));
                }
                for (int i = thread; i < ADAPTERS; i += 2) {
                    commands.sendAndWait(new CreateConfigEntityCommand(UUID.randomUUID(),
                            new AdapterState("bench-db-" + i, AdapterKind.DATABASE, "postgres",
                                    Map.of("host", "db-" + i + ".internal", "port", 5432, "database", "app")),
                            Map.of("password", new SecretValue("password-" + i + "-" + UUID.randomUUID()))));
                }
            }));
        }
        for (Future<?> future : work) {
            future.get();
        }
        threads.shutdown();
    }

    private static byte[] encrypt(byte[] key, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(128, io.metabackup.api.crypto.RandomBytes.of(12)));
            return cipher.doFinal(input);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> time(Supplier<?> step) {
        step.get(); // warm-up
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            step.get();
            nanos.add(System.nanoTime() - start);
        }
        return nanos;
    }

    private static long median(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static void row(String step, List<Long> nanos) {
        System.out.printf("%-38s %9.1f %9.1f%n", step, median(nanos) / 1e6,
                Arrays.stream(nanos.toArray(Long[]::new)).mapToLong(Long::longValue).min().orElse(0) / 1e6);
    }
}
