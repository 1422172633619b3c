package io.sweep.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sweep backup FILE}: asks the running server for a consistent copy of its H2 database
 * and writes it to FILE (a zip; unzip it into a folder to restore). The server makes the copy:
 * while it runs, no other process may open its database file.
 */
@Command(name = "backup", description = {
        "Write a consistent backup of the running server's H2 database to FILE (a zip), while it runs.",
        "Restore: unzip it into an empty folder and point SWEEP_DB_URL at it. PostgreSQL: use pg_dump."})
public final class BackupCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "where the zip goes (replaced if it exists)")
    Path file;
    @Option(names = "--url", description = "the server (env SWEEP_URL, default http://localhost:7070)")
    String url;
    @Option(names = "--token", description = "an administrator's API token with Sweep.backup.READ (env SWEEP_TOKEN)")
    String token;

    @Override
    public Integer call() {
        String base = url != null ? url : System.getenv().getOrDefault("SWEEP_URL", "http://localhost:7070");
        String t = token != null ? token : System.getenv("SWEEP_TOKEN");
        if (t == null || t.isBlank()) throw new CliFailure(ExitCodes.USAGE, "no token: pass --token or set SWEEP_TOKEN");
        var client = new SweepClient(base, t.trim());
        long bytes = client.download("/api/backup", file);
        System.err.printf("backup written to %s (%,d bytes)%n", file, bytes);
        return 0;
    }
}
