package io.sweep;

import io.sweep.audit.AuditLog;
import io.sweep.audit.AuditRepository;
import io.sweep.auth.Tokens;
import io.sweep.auth.UserRepository;
import io.sweep.crm.Metadata;
import io.sweep.crm.RecordSchema;
import io.sweep.db.Database;
import io.sweep.demo.DemoData;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database and what every command needs of it: the schema, the modules' metadata, users,
 * tokens and the audit log. Commands that only change stored data ({@code sweep user add}, {@code token create},
 * {@code migrate}…) open this alone; the server ({@link App}) builds everything else on it: no
 * script engine, scheduler or HTTP server starts for a one-line change.
 */
public final class Storage implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Storage.class);

    private final Database db;
    private final Metadata metadata;
    private final UserRepository users;
    private final Tokens tokens;
    private final AuditLog audit;
    private final Clock clock;
    private final boolean demo;

    private Storage(Database db, Clock clock, boolean demo) {
        this.db = db;
        this.clock = clock;
        this.demo = demo;
        this.metadata = new Metadata(db);
        this.users = new UserRepository(db, clock);
        this.tokens = new Tokens(db, clock);
        this.audit = new AuditLog(new AuditRepository(db), clock);
    }

    public static Storage open(Config config, Clock clock) {
        return new Storage(Database.open(config.dbUrl(), config.dbUser(), config.dbPassword(), config.dbPoolSize()), clock, config.demo());
    }

    /**
     * Migrates the schema, loads metadata and creates the record tables; seeds the demo data when
     * asked, before the record indexes exist, since loading 60,000 rows into indexed tables takes
     * several times longer.
     */
    public void prepare() {
        db.migrate();
        metadata.reload();
        var schema = new RecordSchema(db);
        schema.createTables(metadata.modules());
        if (demo) {
            long started = System.nanoTime();
            if (new DemoData(db, clock).seedIfEmpty()) LOG.info("demo data seeded in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
        schema.createIndexes(metadata.modules());
    }

    public Database database() {
        return db;
    }

    public Metadata metadata() {
        return metadata;
    }

    public UserRepository users() {
        return users;
    }

    public Tokens tokens() {
        return tokens;
    }

    /** Where every command and the server record who did what. */
    public AuditLog audit() {
        return audit;
    }

    @Override
    public void close() {
        db.close();
    }
}
