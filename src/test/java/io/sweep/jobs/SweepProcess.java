package io.sweep.jobs;

import io.sweep.testsupport.Http;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Sweep server running as a separate JVM ({@code java io.sweep.Main serve}) on the test's
 * class path, so a test can kill it the hard way. Its output goes to a log file, whose tail
 * is shown when it fails to come up; with {@code -Dsweep.crash.dumps=true} a process still
 * running when the test ends gets a thread dump in its log first.
 */
final class SweepProcess implements AutoCloseable {
    static final String TOKEN = "crash-test-admin-token-with-every-scope";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private SweepProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts a node on a free port with the demo data switched on (seeding happens once, into an
     * empty database), the bootstrap admin token and short heart-beats, and waits until
     * {@code /health} answers 200.
     */
    static SweepProcess start(String nodeName, String dbUrl, Path logDir) {
        int port = freePort();
        Path log = logDir.resolve(nodeName + ".log");
        // the class path goes through the environment: it can be longer than a command line likes
        var builder = new ProcessBuilder(javaBinary(), "-Xmx512m", "-XX:+UseSerialGC", "io.sweep.Main", "serve")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("SWEEP_"));
        env.put("CLASSPATH", System.getProperty("java.class.path"));
        env.put("SWEEP_DB_URL", dbUrl);
        env.put("SWEEP_PORT", String.valueOf(port));
        env.put("SWEEP_DEMO", "1");
        env.put("SWEEP_BOOTSTRAP_TOKEN", TOKEN);
        env.put("SWEEP_NODE_NAME", nodeName);
        env.put("SWEEP_HEARTBEAT_MILLIS", "500");
        env.put("SWEEP_JOB_POLL_MILLIS", "200");
        env.put("SWEEP_RULES_DIR", logDir.resolve("rules").toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + nodeName, e);
        }
        var node = new SweepProcess(nodeName, port, log, process);
        try {
            node.awaitHealthy(Duration.ofMinutes(3));
        } catch (RuntimeException | Error e) {
            node.close();
            throw e;
        }
        return node;
    }

    /** A fresh folder for the logs of one test's processes, under target/ so they outlive a failed run. */
    static Path logDir(String test) {
        Path dir = Path.of("target", "crash-logs", test);
        try {
            Files.createDirectories(dir);
            try (var old = Files.list(dir)) {
                for (Path f : old.filter(f -> f.toString().endsWith(".log")).toList()) Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** Deletes the files of an H2 database ({@code <path>.mv.db} and friends). */
    static void deleteH2Files(Path database) {
        Path dir = database.toAbsolutePath().getParent();
        String prefix = database.getFileName() + ".";
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) Files.delete(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before it was healthy:\n" + logTail());
            }
            try {
                var response = CLIENT.send(HttpRequest.newBuilder(URI.create(base() + "/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) return;
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            sleep(100);
        }
        throw new AssertionError(name + " was not healthy within " + timeout + ":\n" + logTail());
    }

    String name() {
        return name;
    }

    String base() {
        return "http://localhost:" + port;
    }

    /** A client sending the admin token. */
    Http admin() {
        return new Http(base()).withToken(TOKEN);
    }

    /** kill -9: no shutdown hook, no chance to finish anything. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** A clean stop (SIGTERM): the shutdown hook stops the scheduler and closes the database. */
    void stop() {
        process.destroy();
        awaitExit();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    String logTail() {
        try {
            var lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Kills the process if it still runs (after a thread dump, when asked for); safe to call any number of times. */
    @Override
    public void close() {
        if (process.isAlive() && Boolean.getBoolean("sweep.crash.dumps")) {
            try {
                new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(process.pid()), "Thread.print")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start().waitFor(30, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                // diagnostics only
            }
        }
        if (process.isAlive()) kill();
    }

    private static String javaBinary() {
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
            throw new AssertionError(e);
        }
    }
}
