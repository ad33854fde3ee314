package io.metabackup.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Metabackup as a separate operating-system process, so tests can stop it with SIGTERM or kill it outright. */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    public final int port;

    private AppProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static AppProcess start(Path dataDir, String encryptionKey) {
        return start(dataDir, encryptionKey, List.of(), Map.of());
    }

    /** Starts the executable with a command (such as {@code rotate-encryption-key}) before the usual options. */
    public static AppProcess start(Path dataDir, String encryptionKey, List<String> command, Map<String, String> env) {
        try {
            int port = freePort();
            Path log = Files.createTempFile(dataDir.getParent(), "app-", ".log");
            List<String> line = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    "io.metabackup.MetabackupApplication"));
            line.addAll(command);
            line.add("--server.port=" + port);
            line.add("--metabackup.data-dir=" + dataDir);
            ProcessBuilder builder = new ProcessBuilder(line)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(env);
            builder.environment().put("ENCRYPTION_KEY", encryptionKey);
            builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            return new AppProcess(builder.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the API answers; returns how long that took. */
    public Duration awaitReady(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        HttpClient client = HttpClient.newHttpClient();
        while (System.nanoTime() - start < timeout.toNanos()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Metabackup exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Metabackup did not become ready within " + timeout + ":\n" + output());
    }

    /** Completes first-admin setup on this (fresh) instance and returns the administrator's client. */
    public Api setUpAdmin() {
        Api anonymous = new Api(port);
        int status = anonymous.post("/api/setup", java.util.Map.of("username", IntegrationTest.ADMIN,
                "password", IntegrationTest.ADMIN_PASSWORD, "email", "admin@example.com")).status();
        if (status != 201) {
            throw new IllegalStateException("setup answered " + status);
        }
        return admin();
    }

    /** The administrator created by {@link #setUpAdmin()}, through HTTP Basic. */
    public Api admin() {
        return new Api(port).basic(IntegrationTest.ADMIN, IntegrationTest.ADMIN_PASSWORD);
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("Metabackup still runs after " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    /** SIGTERM, as a service manager stops it. */
    public int stop() throws InterruptedException {
        process.destroy();
        return awaitExit(Duration.ofSeconds(60));
    }

    /** SIGKILL: no shutdown hook runs, the embedded PostgreSQL is left behind. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
