package io.sweep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sweep.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * How the administration commands reach a server that holds its H2 file (H2 opens a file in one
 * process at a time). The server writes {@code <database>.cli.json} beside the file: its local
 * address and a random key, readable by its own user only, and removes it when it stops. A
 * command that finds the database in use reads that file and asks the server, over the loopback
 * interface, to do the change for it: the same change, audited the same way.
 */
public final class LocalServer {
    /** The header that carries the key. */
    public static final String KEY_HEADER = "X-Sweep-Cli-Key";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final String key;

    private LocalServer(Path file, String key) {
        this.file = file;
        this.key = key;
    }

    /** The file beside an H2 file database, or empty for any other database (PostgreSQL serves every process; an in-memory H2 none). */
    static Optional<Path> fileFor(String dbUrl) {
        if (!dbUrl.startsWith("jdbc:h2:") || dbUrl.startsWith("jdbc:h2:mem:") || dbUrl.startsWith("jdbc:h2:tcp:") || dbUrl.startsWith("jdbc:h2:ssl:")) {
            return Optional.empty();
        }
        String path = dbUrl.substring("jdbc:h2:".length());
        if (path.startsWith("file:")) path = path.substring("file:".length());
        int options = path.indexOf(';');
        if (options >= 0) path = path.substring(0, options);
        if (path.startsWith("~/")) path = System.getProperty("user.home") + path.substring(1);
        return Optional.of(Path.of(path + ".cli.json"));
    }

    /** Written by a server that started on an H2 file; empty for other databases. */
    public static Optional<LocalServer> publish(String dbUrl, int port) {
        Optional<Path> target = fileFor(dbUrl);
        if (target.isEmpty()) return Optional.empty();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ObjectNode content = Json.object().put("url", "http://127.0.0.1:" + port).put("key", key);
        Path file = target.get().toAbsolutePath();
        try {
            Path part = file.resolveSibling(file.getFileName() + ".part");
            Files.deleteIfExists(part);
            try {
                Files.createFile(part, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                // a file system without POSIX permissions (Windows): the file gets the folder's, which holds the database too
                Files.createFile(part);
            }
            Files.writeString(part, content.toString(), StandardCharsets.UTF_8);
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return Optional.of(new LocalServer(file, key));
    }

    /** Whether {@code given} is this server's key (in constant time). */
    public boolean accepts(String given) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8));
    }

    /** Removes the file: the server stops. */
    public void withdraw() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a file left behind names a port nobody answers on: a command then says the server does not answer
        }
    }

    /**
     * Asks the server that published its file beside the database to run {@code command} with
     * {@code args}; answers its {@code result}. Fails when there is no such file (the database is
     * held by something else) or the server refuses.
     */
    public static String ask(String dbUrl, String command, ObjectNode args) {
        Path path = fileFor(dbUrl).orElse(null);
        if (path == null || !Files.isRegularFile(path)) throw new CliFailure(ExitCodes.UNAVAILABLE, CliErrors.IN_USE);
        JsonNode published;
        try {
            published = Json.MAPPER.readTree(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.UNAVAILABLE, "cannot read " + path + ": " + e.getMessage());
        }
        var client = new SweepClient(published.path("url").asText(), null).withHeader(KEY_HEADER, published.path("key").asText());
        ObjectNode body = Json.object().put("command", command);
        body.set("args", args);
        SweepClient.Answer answer = client.post("/api/cli", body.toString());
        if (!answer.ok()) throw new CliFailure(answer.status() == 400 ? ExitCodes.USAGE : ExitCodes.FAILED, answer.error());
        return answer.body().path("result").isNull() ? null : answer.body().path("result").asText();
    }
}
