package io.metabackup.support;

import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import io.metabackup.storage.StorageClientFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Google Cloud Storage for tests: the real client library against its in-memory {@link LocalStorageHelper}
 * backend. Records what each client was created with, and can make uploads of metadata objects to chosen buckets
 * fail, as a bucket that breaks halfway through a backup would. The backend does not implement preconditions, so
 * "does not exist" uploads are checked here.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LocalGcs {

    public static final Storage STORAGE = LocalStorageHelper.getOptions().getService();
    /** projectId -> serviceAccountJson handed to the factory. */
    public static final Map<String, String> CLIENTS = new ConcurrentHashMap<>();
    private static final Set<String> FAILING_METADATA_BUCKETS = ConcurrentHashMap.newKeySet();

    public static void failMetadataUploads(String bucket, boolean fail) {
        if (fail) {
            FAILING_METADATA_BUCKETS.add(bucket);
        } else {
            FAILING_METADATA_BUCKETS.remove(bucket);
        }
    }

    @Bean
    @Primary
    StorageClientFactory localStorageClients() {
        return (projectId, serviceAccountJson) -> {
            CLIENTS.put(String.valueOf(projectId), String.valueOf(serviceAccountJson));
            return (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[]{Storage.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("create") && args != null && args[0] instanceof BlobInfo info
                                && FAILING_METADATA_BUCKETS.contains(info.getBucket())
                                && info.getName().endsWith(".meta.json")) {
                            throw new StorageException(503, "backendError");
                        }
                        if (method.getName().equals("create") && args != null && args.length == 3
                                && args[0] instanceof BlobInfo info && args[2] instanceof Storage.BlobTargetOption[]) {
                            // the in-memory backend rejects preconditions: check "does not exist" here instead
                            if (STORAGE.get(info.getBlobId()) != null) {
                                throw new StorageException(412, "conditionNotMet");
                            }
                            args = new Object[]{args[0], args[1], new Storage.BlobTargetOption[0]};
                        }
                        try {
                            return method.invoke(STORAGE, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        };
    }
}
