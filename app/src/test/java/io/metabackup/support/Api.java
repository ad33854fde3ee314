package io.metabackup.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A small JSON client over real HTTP; it remembers every response body so tests can search them for leaks. */
public class Api {

    private static final List<String> RESPONSES = Collections.synchronizedList(new ArrayList<>());

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final ObjectMapper mapper = new ObjectMapper();
    private final String base;
    private final Map<String, String> defaultHeaders;

    /** A client without credentials. */
    public Api(int port) {
        this("http://localhost:" + port, Map.of());
    }

    private Api(String base, Map<String, String> defaultHeaders) {
        this.base = base;
        this.defaultHeaders = Map.copyOf(defaultHeaders);
    }

    /** The same server, with HTTP Basic credentials on every request. */
    public Api basic(String username, String password) {
        return withHeader("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** The same server, with an API token on every request. */
    public Api bearer(String token) {
        return withHeader("Authorization", "Bearer " + token);
    }

    public Api withHeader(String name, String value) {
        Map<String, String> headers = new HashMap<>(defaultHeaders);
        headers.put(name, value);
        return new Api(base, headers);
    }

    /** The same server without any credentials. */
    public Api anonymous() {
        return new Api(base, Map.of());
    }

    public static List<String> allResponseBodies() {
        return List.copyOf(RESPONSES);
    }

    public Response get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Response post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body, Map.of());
    }

    public Response put(String path, Object body, Map<String, String> headers) {
        return send("PUT", path, body, headers);
    }

    public Response delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    public Response delete(String path, Map<String, String> headers) {
        return send("DELETE", path, null, headers);
    }

    public Response send(String method, String path, Object body, Map<String, String> headers) {
        try {
            String json = body == null ? null : body instanceof String s ? s : mapper.writeValueAsString(body);
            boolean form = headers.getOrDefault("Content-Type", "").startsWith("application/x-www-form-urlencoded");
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json));
            if (json != null && !form) {
                request.header("Content-Type", "application/json");
            }
            defaultHeaders.forEach((name, value) -> {
                if (!headers.containsKey(name)) {
                    request.header(name, value);
                }
            });
            headers.forEach(request::header);
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            RESPONSES.add(response.headers().map() + "\n" + response.body());
            boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
            JsonNode parsed = response.body().isEmpty() || !isJson ? mapper.nullNode() : mapper.readTree(response.body());
            return new Response(response.statusCode(), parsed,
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("ETag").orElse(null), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A multipart/form-data POST: files by part name (with a file name each), then plain fields. */
    public Response upload(String path, Map<String, NamedBytes> files, Map<String, String> fields) {
        String boundary = "----metabackup-test-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        try {
            for (Map.Entry<String, NamedBytes> file : files.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey()
                        + "\"; filename=\"" + file.getValue().name() + "\"\r\nContent-Type: application/octet-stream"
                        + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(file.getValue().bytes());
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            for (Map.Entry<String, String> field : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                        + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary);
            defaultHeaders.forEach(request::header);
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            RESPONSES.add(response.headers().map() + "\n" + response.body());
            boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
            JsonNode parsed = response.body().isEmpty() || !isJson ? mapper.nullNode() : mapper.readTree(response.body());
            return new Response(response.statusCode(), parsed, response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("ETag").orElse(null), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record NamedBytes(String name, byte[] bytes) {
    }

    /** A request whose answer is not JSON (a zip download); error answers are still parsed as JSON. */
    public BinaryResponse postForBytes(String path, Object body) {
        return sendForBytes("POST", path, body);
    }

    public BinaryResponse getForBytes(String path) {
        return sendForBytes("GET", path, null);
    }

    private BinaryResponse sendForBytes(String method, String path, Object body) {
        try {
            String json = body == null ? null : body instanceof String s ? s : mapper.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            defaultHeaders.forEach(request::header);
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            RESPONSES.add(response.headers().map() + "\n" + (contentType.contains("json")
                    ? new String(response.body(), StandardCharsets.UTF_8) : "(binary)"));
            return new BinaryResponse(response.statusCode(), response.body(), contentType,
                    response.headers().firstValue("Content-Disposition").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record BinaryResponse(int status, byte[] body, String contentType, String contentDisposition) {

        public JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public record Response(int status, JsonNode body, String contentType, String etag,
                           Map<String, List<String>> headers) {

        public List<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).toList();
        }

        public String code() {
            return body.path("code").asText(null);
        }

        public String id() {
            return body.path("id").asText();
        }

        public long version() {
            return body.path("version").asLong();
        }
    }
}
