package io.metabackup.api.config;

public enum Compression {
    NONE, GZIP, ZSTD
}
