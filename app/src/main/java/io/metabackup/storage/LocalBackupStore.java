package io.metabackup.storage;

import io.metabackup.api.backup.BackupFileName;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Backups in a local directory. Each file is written under a temporary name (starting with a dot, so it never
 * matches the backup pattern) in the same directory, flushed to disk, then renamed atomically; the metadata is
 * renamed into place last, and a backup without its metadata is not listed. So a crash at any point leaves either
 * a complete backup or files that listing and retention ignore.
 */
public class LocalBackupStore implements BackupStore {

    private final Path directory;

    public LocalBackupStore(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    @Override
    public void write(BackupFileName name, byte[] file, byte[] metadata) {
        try {
            Files.createDirectories(directory);
            if (exists(name)) {
                throw new DomainException(ErrorCode.ALREADY_EXISTS, "A backup named " + name.name() + " already exists in "
                        + describe());
            }
            Path data = directory.resolve(name.name());
            place(data, file);
            try {
                place(directory.resolve(name.metaName()), metadata);
            } catch (IOException e) {
                Files.deleteIfExists(data);
                throw e;
            }
        } catch (IOException e) {
            throw unavailable("could not be written", e);
        }
    }

    private void place(Path target, byte[] bytes) throws IOException {
        Path temporary = directory.resolve("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the directory does not support atomic renames", e);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public List<StoredBackup> list() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        Set<String> names = new HashSet<>();
        try (Stream<Path> entries = Files.list(directory)) {
            entries.filter(Files::isRegularFile).forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException e) {
            throw unavailable("could not be listed", e);
        }
        List<StoredBackup> backups = new ArrayList<>();
        for (String entry : names) {
            BackupFileName.parse(entry).filter(name -> names.contains(name.metaName())).ifPresent(name -> {
                try {
                    backups.add(new StoredBackup(name, Files.size(directory.resolve(entry))));
                } catch (NoSuchFileException deletedMeanwhile) {
                    // removed between listing and reading its size: no longer a backup
                } catch (IOException e) {
                    throw unavailable("could not be listed", e);
                }
            });
        }
        backups.sort(StoredBackupOrder.NEWEST_FIRST);
        return backups;
    }

    @Override
    public boolean exists(BackupFileName name) {
        return Files.exists(directory.resolve(name.name())) || Files.exists(directory.resolve(name.metaName()));
    }

    @Override
    public Optional<byte[]> readFile(BackupFileName name) {
        return read(directory.resolve(name.name()));
    }

    @Override
    public Optional<byte[]> readMetadata(BackupFileName name) {
        return read(directory.resolve(name.metaName()));
    }

    private Optional<byte[]> read(Path path) {
        try {
            return Optional.of(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw unavailable("could not be read", e);
        }
    }

    @Override
    public void delete(BackupFileName name) {
        try {
            Files.deleteIfExists(directory.resolve(name.metaName()));
            Files.deleteIfExists(directory.resolve(name.name()));
        } catch (IOException e) {
            throw unavailable("could not delete " + name.name(), e);
        }
    }

    @Override
    public String describe() {
        return "local directory " + directory;
    }

    private DomainException unavailable(String what, IOException e) {
        return new DomainException(ErrorCode.DESTINATION_UNAVAILABLE, "The " + describe() + " " + what + ": "
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
    }
}
