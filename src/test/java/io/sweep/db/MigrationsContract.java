package io.sweep.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweep.crm.Metadata;
import io.sweep.crm.RecordSchema;
import io.sweep.testsupport.Backend;
import org.junit.jupiter.api.Test;

/** The migrations and the derived record tables apply to an empty database, and again without harm. */
abstract class MigrationsContract {
    abstract Backend backend();

    @Test
    void migrations_apply_to_an_empty_database_and_record_tables_follow_the_metadata() {
        try (var db = Database.open(backend().newDatabaseUrl(), null, null, 2)) {
            db.migrate();
            var metadata = new Metadata(db);
            metadata.reload();
            new RecordSchema(db).sync(metadata.modules());
            new RecordSchema(db).sync(metadata.modules());
            db.migrate();

            assertThat(metadata.modules()).hasSizeGreaterThanOrEqualTo(17);
            for (var module : metadata.modules()) {
                long rows = db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + module.table()).mapTo(Long.class).one());
                assertThat(rows).as(module.apiName()).isZero();
                for (var field : module.fields()) {
                    db.withHandle(h -> h.createQuery("SELECT " + field.column() + " FROM " + module.table() + " WHERE 1 = 0").mapToMap().list());
                }
            }
            long id1 = db.withHandle(db::nextId);
            var block = db.withHandle(h -> db.nextIds(h, 5));
            assertThat(block).hasSize(5).allMatch(id -> id > id1);
            assertThat(id1).isGreaterThan(5725767000001000000L);
        }
    }
}
