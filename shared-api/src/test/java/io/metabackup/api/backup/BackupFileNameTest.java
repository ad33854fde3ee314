package io.metabackup.api.backup;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class BackupFileNameTest {

    @Test
    void namesCarryTheUtcSecondAndTheKindOfFile() {
        BackupFileName encrypted = BackupFileName.of(Instant.parse("2024-01-15T12:00:00.987Z"), true);
        BackupFileName plain = BackupFileName.of(Instant.parse("2024-01-15T12:00:00Z"), false);

        assertThat(encrypted.name()).isEqualTo("config_backup_2024-01-15T12-00-00.json.gz.enc");
        assertThat(encrypted.metaName()).isEqualTo("config_backup_2024-01-15T12-00-00.json.gz.enc.meta.json");
        assertThat(plain.name()).isEqualTo("config_backup_2024-01-15T12-00-00.json.gz");
        assertThat(BackupFileName.parse(encrypted.name())).contains(encrypted);
        assertThat(BackupFileName.parse(plain.name())).contains(plain);
        assertThat(encrypted.nextSecond().name()).isEqualTo("config_backup_2024-01-15T12-00-01.json.gz.enc");
    }

    @Test
    void onlyOurNamesParse() {
        assertThat(BackupFileName.parse("config_backup_2024-01-15T12-00-00.json.gz.enc.meta.json")).isEmpty();
        assertThat(BackupFileName.parse("config_backup_2024-13-15T12-00-00.json.gz")).isEmpty();
        assertThat(BackupFileName.parse("my_config_backup_2024-01-15T12-00-00.json.gz")).isEmpty();
        assertThat(BackupFileName.parse("config_backup_2024-01-15T12-00-00.json")).isEmpty();
        assertThat(BackupFileName.parse(".config_backup_2024-01-15T12-00-00.json.gz.tmp-1")).isEmpty();
        assertThat(BackupFileName.parse("notes.txt")).isEmpty();
    }
}
