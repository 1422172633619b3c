package io.sweep.massupdate;

import java.util.Locale;

/**
 * Why {@link RecordUpdater} writes records, which decides where their history is kept: a job's
 * chunk keeps every record's before and after values in the job's results already, so the write
 * path adds nothing; any other write leaves one history row per record it changed, in the same
 * transaction.
 */
public sealed interface WriteCause {
    /** A chunk of a job (a view's mass update, a rule run, an undo). */
    record JobChunk(long jobId) implements WriteCause {}

    /** A call that writes at once, with the caller's rights. */
    record Direct(Action action) implements WriteCause {}

    WriteCause MASS_UPDATE = new Direct(Action.MASS_UPDATE);
    WriteCause CHANGE_OWNER = new Direct(Action.CHANGE_OWNER);
    WriteCause UPDATE = new Direct(Action.UPDATE);

    /** The calls that write at once: a mass update or change owner by ids, the records API's update and insert. */
    enum Action {
        MASS_UPDATE, CHANGE_OWNER, UPDATE, CREATE;

        public String dbName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
