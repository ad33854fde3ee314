package io.metabackup.api.history;

/** Reads the whole configuration as it was at any point of its history. */
public interface ConfigurationHistory {

    ConfigurationState at(PointInTime point);
}
