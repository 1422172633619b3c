package io.sweep.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Sweep server as a real process: {@code java -Xmx256m -jar target/sweep.jar serve}, configured
 * through its environment variables only, with its GC log (for the peak heap) and its output in
 * files of the run's work folder.
 */
final class SweepServer implements AutoCloseable {
    static final String TOKEN = "bench-admin-token-with-every-scope";
    /**
     * Every Sweep process of the benchmark, and the ceiling's JVM, runs with this heap (scenario 6:
     * the jobs must complete in it). {@code -Dbench.heap=1g} changes it, for an experiment.
     */
    static final String HEAP = "-Xmx" + System.getProperty("bench.heap", "256m");
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path log;
    private final Path gcLog;
    private final Process process;

    private SweepServer(String name, int port, Path log, Path gcLog, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.gcLog = gcLog;
        this.process = process;
    }

    /** What a Sweep process is started with. */
    record Launch(Path jar, Path workDir, String name, Database db, Path rulesDir, boolean demo) {}

    /** Starts the process and waits until {@code /health} answers 200 (migrations, demo seeding and indexes done). */
    static SweepServer start(Launch l, Duration healthTimeout) {
        int port = freePort();
        Path log = l.workDir().resolve(l.name() + ".log");
        Path gcLog = l.workDir().resolve(l.name() + ".gc.log");
        try {
            Files.deleteIfExists(gcLog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), HEAP, "-Xlog:gc:file=" + gcLog + ":uptime",
                "-jar", l.jar().toString(), "serve"));
        var builder = new ProcessBuilder(command)
                .directory(l.workDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("SWEEP_"));
        env.put("SWEEP_DB_URL", l.db().sweepUrl());
        if (l.db().user() != null) env.put("SWEEP_DB_USER", l.db().user());
        if (l.db().password() != null) env.put("SWEEP_DB_PASSWORD", l.db().password());
        env.put("SWEEP_PORT", String.valueOf(port));
        env.put("SWEEP_BOOTSTRAP_TOKEN", TOKEN);
        env.put("SWEEP_RULES_DIR", l.rulesDir().toString());
        env.put("SWEEP_NODE_NAME", "bench-" + l.name());
        // scenario 8's rule job selects the whole large table (the cvid jobs keep Zoho's 50,000)
        env.put("SWEEP_MAX_JOB_RECORDS", "10000000");
        if (l.demo()) env.put("SWEEP_DEMO", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Sweep " + l.name(), e);
        }
        var server = new SweepServer(l.name(), port, log, gcLog, process);
        try {
            server.awaitHealthy(healthTimeout);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Sweep " + name + " exited with " + process.exitValue() + " before it was healthy:\n" + logTail());
            }
            try {
                var response = CLIENT.send(HttpRequest.newBuilder(URI.create(base() + "/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) return;
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(100);
        }
        throw new IllegalStateException("Sweep " + name + " was not healthy within " + timeout + ":\n" + logTail());
    }

    String base() {
        return "http://localhost:" + port;
    }

    long pid() {
        return process.pid();
    }

    Path gcLog() {
        return gcLog;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** A clean stop (SIGTERM): Sweep's shutdown hook stops the scheduler and closes the database (an H2 file is free again). */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
                throw new IllegalStateException("Sweep " + name + " did not stop within 90 s:\n" + logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    String logTail() {
        try {
            var lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
