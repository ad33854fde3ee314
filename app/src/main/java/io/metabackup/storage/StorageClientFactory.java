package io.metabackup.storage;

import com.google.cloud.storage.Storage;

/** Makes Google Cloud Storage clients; a seam so that tests can hand out an in-memory storage instead. */
public interface StorageClientFactory {

    /**
     * @param projectId          the Google Cloud project, or null for the credentials' own
     * @param serviceAccountJson the service-account key, or null for application default credentials
     */
    Storage create(String projectId, String serviceAccountJson);
}
