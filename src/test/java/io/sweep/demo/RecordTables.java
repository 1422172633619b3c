package io.sweep.demo;

import io.sweep.crm.Metadata;
import io.sweep.crm.RecordSchema;
import io.sweep.db.Database;

/** Creates the record tables the way the server does: from the migrated metadata. */
final class RecordTables {
    private RecordTables() {}

    static void create(Database db) {
        var metadata = new Metadata(db);
        metadata.reload();
        new RecordSchema(db).sync(metadata.modules());
    }
}
