package io.metabackup.systembackup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.metabackup.api.config.AdapterKind;
import io.metabackup.api.config.AdapterState;
import io.metabackup.api.config.EntityRecord;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.config.SealedSecret;
import io.metabackup.command.secrets.SecretSealer;
import io.metabackup.query.config.CurrentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Tells every NOTIFICATION adapter of type {@code webhook} that a system backup run failed: an HTTP POST of a JSON
 * payload to the adapter's secret {@code url} (or, when that is not set, {@code settings.url}). Webhook URLs often
 * carry a token in their path or query, so logs name the adapter and the host only.
 */
@Component
class FailureWebhooks {

    static final String EVENT = "system-backup.failed";
    private static final Logger log = LoggerFactory.getLogger(FailureWebhooks.class);
    private static final String URL = "url";
    private static final String WEBHOOK = "webhook";

    private final CurrentConfiguration configuration;
    private final SecretSealer sealer;
    private final ObjectMapper json;
    private final Duration timeout;
    private final HttpClient client;

    FailureWebhooks(CurrentConfiguration configuration, SecretSealer sealer, ObjectMapper json,
                    SystemBackupProperties properties) {
        this.configuration = configuration;
        this.sealer = sealer;
        this.json = json;
        this.timeout = properties.webhookTimeout();
        this.client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Posts to all webhooks at once and waits for them, so a dead one costs one timeout, not one each. */
    void notifyFailure(SystemBackupRun run) {
        byte[] payload = payload(run);
        List<CompletableFuture<Void>> posts = new ArrayList<>();
        for (EntityRecord adapter : configuration.list(EntityType.ADAPTER)) {
            AdapterState state = (AdapterState) adapter.state();
            if (state.kind() == AdapterKind.NOTIFICATION && WEBHOOK.equals(state.adapterType())) {
                post(adapter, state, payload).ifPresent(posts::add);
            }
        }
        CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)).join();
    }

    private byte[] payload(SystemBackupRun run) {
        ObjectNode body = json.createObjectNode();
        body.put("event", EVENT);
        body.put("runId", run.id().toString());
        body.put("trigger", run.trigger());
        body.put("startedAt", run.startedAt().toString());
        body.put("finishedAt", run.finishedAt() == null ? null : run.finishedAt().toString());
        body.put("slot", run.slot() == null ? null : run.slot().toString());
        body.put("error", run.error());
        body.put("destinationId", run.destinationId() == null ? null : run.destinationId().toString());
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the webhook payload", e);
        }
    }

    private Optional<CompletableFuture<Void>> post(EntityRecord adapter, AdapterState state, byte[] payload) {
        URI uri;
        try {
            uri = URI.create(url(adapter, state));
            if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
        } catch (RuntimeException e) {
            log.warn("Webhook {} ({}) has no usable http(s) url; failure not notified", state.name(), adapter.id());
            return Optional.empty();
        }
        String host = uri.getHost();
        return Optional.of(client.sendAsync(HttpRequest.newBuilder(uri).timeout(timeout)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build(),
                        HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> {
                    if (error != null) {
                        Throwable cause = error.getCause() != null ? error.getCause() : error;
                        log.warn("Webhook {} at host {} could not be reached: {}", state.name(), host,
                                cause.getClass().getSimpleName());
                    } else if (response.statusCode() / 100 != 2) {
                        log.warn("Webhook {} at host {} answered HTTP {}", state.name(), host, response.statusCode());
                    }
                    return null;
                }));
    }

    private String url(EntityRecord adapter, AdapterState state) {
        SealedSecret secret = adapter.secrets().get(URL);
        if (secret != null) {
            return sealer.open(adapter.id(), URL, secret).reveal();
        }
        Object setting = state.settings().get(URL);
        if (setting == null) {
            throw new IllegalArgumentException("no url");
        }
        return setting.toString();
    }
}
