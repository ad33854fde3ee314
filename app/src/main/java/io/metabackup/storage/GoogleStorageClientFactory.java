package io.metabackup.storage;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The real client. */
@Component
class GoogleStorageClientFactory implements StorageClientFactory {

    @Override
    public Storage create(String projectId, String serviceAccountJson) {
        StorageOptions.Builder options = StorageOptions.newBuilder();
        if (projectId != null && !projectId.isBlank()) {
            options.setProjectId(projectId);
        }
        options.setCredentials(credentials(serviceAccountJson));
        return options.build().getService();
    }

    private static GoogleCredentials credentials(String serviceAccountJson) {
        try {
            if (serviceAccountJson == null) {
                return GoogleCredentials.getApplicationDefault();
            }
            return ServiceAccountCredentials.fromStream(
                    new ByteArrayInputStream(serviceAccountJson.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            // the parser's message may quote the key material: never pass it on
            throw new DomainException(ErrorCode.DESTINATION_UNAVAILABLE, serviceAccountJson == null
                    ? "No serviceAccountJson secret is set and no application default credentials were found"
                    : "The serviceAccountJson secret is not a valid service-account key");
        }
    }
}
