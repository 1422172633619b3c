package io.sweep.crm.criteria;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;

@Tag("postgres")
class CriteriaSqlOnPostgresTest extends CriteriaSqlContract {
    private EmbeddedPostgres postgres;

    @Override
    protected Jdbi open() throws IOException {
        postgres = EmbeddedPostgres.start();
        return Jdbi.create(postgres.getPostgresDatabase());
    }

    @Override
    protected void close() throws IOException {
        postgres.close();
    }
}
