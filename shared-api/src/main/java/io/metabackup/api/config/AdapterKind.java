package io.metabackup.api.config;

public enum AdapterKind {
    DATABASE, STORAGE, NOTIFICATION
}
