package io.metabackup.systembackup;

import io.metabackup.api.backup.BackupFileName;
import io.metabackup.storage.BackupStore;
import io.metabackup.storage.LocalBackupStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionTest {

    @TempDir
    Path dir;
    private final Retention retention = new Retention();

    @Test
    void keepsTheNewestAndDeletesOlderPairsOnly() throws Exception {
        LocalBackupStore store = new LocalBackupStore(dir);
        List<BackupFileName> names = List.of(write(store, "2024-01-01T00:00:00Z"), write(store, "2024-01-02T00:00:00Z"),
                write(store, "2024-01-03T00:00:00Z"), write(store, "2024-01-04T00:00:00Z"));
        Files.writeString(dir.resolve("config_backup_2020-01-01T00-00-00.json.gz"), "no metadata: not complete");
        Files.writeString(dir.resolve("readme.txt"), "not ours");

        assertThat(retention.apply(store, 2, names.get(3))).isEqualTo(2);

        assertThat(store.list()).extracting(BackupStore.StoredBackup::name).containsExactly(names.get(3), names.get(2));
        assertThat(dir.resolve(names.get(0).name())).doesNotExist();
        assertThat(dir.resolve(names.get(0).metaName())).doesNotExist();
        assertThat(dir.resolve("config_backup_2020-01-01T00-00-00.json.gz")).exists();
        assertThat(dir.resolve("readme.txt")).exists();
    }

    @Test
    void fewerBackupsThanKeptDeletesNothing() {
        LocalBackupStore store = new LocalBackupStore(dir);
        BackupFileName only = write(store, "2024-01-01T00:00:00Z");

        assertThat(retention.apply(store, 10, only)).isZero();
        assertThat(store.list()).hasSize(1);
    }

    @Test
    void deletesNothingWhenTheNewBackupIsNotListedAsComplete() throws Exception {
        LocalBackupStore store = new LocalBackupStore(dir);
        write(store, "2024-01-01T00:00:00Z");
        write(store, "2024-01-02T00:00:00Z");
        BackupFileName incomplete = BackupFileName.of(Instant.parse("2024-01-03T00:00:00Z"), false);
        Files.writeString(dir.resolve(incomplete.name()), "file without its metadata");

        assertThat(retention.apply(store, 1, incomplete)).isZero();
        assertThat(store.list()).hasSize(2);
    }

    private static BackupFileName write(LocalBackupStore store, String instant) {
        BackupFileName name = BackupFileName.of(Instant.parse(instant), false);
        store.write(name, "file".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        return name;
    }
}
