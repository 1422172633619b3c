package io.sweep.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.sweep.db.Database;
import io.sweep.db.Dialect;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * {@code GET /api/backup}: a consistent copy of the running H2 database, as a zip, for
 * {@code sweep backup FILE}. The server makes it because only the server may open its H2 file
 * while it runs. An administrator's route ({@code Sweep.backup.READ}): the copy holds everything.
 * On PostgreSQL it answers NOT_SUPPORTED: pg_dump is the tool there.
 */
public final class BackupApi {
    private final Database db;

    public BackupApi(Database db) {
        this.db = db;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/backup", this::backup, Access.administrator("Sweep.backup.READ"));
    }

    private void backup(Context ctx) throws IOException {
        if (db.dialect() != Dialect.H2) {
            throw new ApiException(ErrorCode.NOT_SUPPORTED, Map.of("use", "pg_dump"));
        }
        if (!db.h2InFile()) {
            throw new ApiException(ErrorCode.NOT_SUPPORTED, Map.of("database", "in-memory: nothing outlives the process to back up"));
        }
        Path zip = Files.createTempFile("sweep-backup-", ".zip");
        try {
            Files.delete(zip); // BACKUP TO writes the file itself
            db.backupTo(zip);
            ctx.status(200).contentType("application/zip").header("Content-Disposition", "attachment; filename=\"sweep-backup.zip\"")
                    .header("Content-Length", String.valueOf(Files.size(zip)))
                    // the temporary copy goes when the answer has been sent
                    .result(Files.newInputStream(zip, StandardOpenOption.DELETE_ON_CLOSE));
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(zip);
            if (e instanceof IOException io) throw new UncheckedIOException(io);
            throw e;
        }
    }
}
