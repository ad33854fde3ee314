package io.metabackup.command.config;

import io.metabackup.api.crypto.AesGcm;
import io.metabackup.api.crypto.RandomBytes;
import io.metabackup.command.secrets.DataKeys;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Data keys for tests: one random 32-byte key per entity, created on first use and kept in memory. */
final class InMemoryDataKeys implements DataKeys {

    private final Map<UUID, byte[]> keys = new ConcurrentHashMap<>();

    @Override
    public byte[] dataKeyFor(UUID entityId) {
        return keys.computeIfAbsent(entityId, id -> RandomBytes.of(AesGcm.KEY_BYTES)).clone();
    }
}
