package io.sweep.demo;

import io.sweep.db.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Tag;

@Tag("postgres")
class PostgresDemoDataTest extends DemoDataChecks {
    private EmbeddedPostgres postgres;

    @Override
    Database open() {
        try {
            postgres = EmbeddedPostgres.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the driver setting Database.open turns on, so the seeding time measured is the real one
        return Database.open(postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true", "postgres", null, 4);
    }

    @Override
    void closeResources() {
        if (postgres == null) return;
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
