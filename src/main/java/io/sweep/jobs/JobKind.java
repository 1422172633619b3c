package io.sweep.jobs;

/**
 * What a job does. Each kind names the key that lets only one job of its kind and target be
 * active at a time ({@link #activeKey()}); how a chunk of it decides about its records follows
 * from the kind ({@link ChunkRunner}), and so does what it selects ({@link JobService}).
 */
public sealed interface JobKind {

    /** Zoho's scheduled mass update: the same values for every record of a custom view. */
    record ViewUpdate(long cvid) implements JobKind {
        @Override
        public ActiveKey activeKey() {
            return ActiveKey.view(cvid);
        }
    }

    /**
     * A run of a rule at one version, with its parameters (JSON). A rule that selects by a view
     * ({@code cvid} not null) takes the view's key, as a mass update of that view does: one active
     * job per view, whatever started it. Any other rule has a key of its own.
     */
    record RuleRun(String ruleId, String version, String parameters, Long cvid) implements JobKind {
        @Override
        public ActiveKey activeKey() {
            return cvid == null ? ActiveKey.rule(ruleId) : ActiveKey.view(cvid);
        }
    }

    /**
     * A rule's run that decides about every record of its selection as a run does (the same
     * script, checks, chunks, limits, progress and cancel) and writes none of them: its results
     * are what a run would have done. It has a key of its own, so it neither waits for nor holds
     * up a real run of the rule or a mass update of its view. Its chunks take no write path
     * ({@link ChunkRunner}), and nothing can undo it.
     */
    record RuleDryRun(String ruleId, String version, String parameters) implements JobKind {
        @Override
        public ActiveKey activeKey() {
            return ActiveKey.dryRun(ruleId);
        }

        @Override
        public boolean writesRecords() {
            return false;
        }
    }

    /** Putting back the values another job replaced; a job is undone by one job at a time. */
    record Undo(long undoneJobId) implements JobKind {
        @Override
        public ActiveKey activeKey() {
            return ActiveKey.undoOf(undoneJobId);
        }
    }

    ActiveKey activeKey();

    /** Whether its chunks write the records they decide about. */
    default boolean writesRecords() {
        return true;
    }

    /** Whether a rule's script decides about its records (outside the chunk's transaction). */
    default boolean scripted() {
        return this instanceof RuleRun || this instanceof RuleDryRun;
    }

    /** The kind of a stored job. */
    static JobKind of(Job job) {
        if (job.undoOf() != null) return new Undo(job.undoOf());
        if (job.dryRun()) {
            if (job.ruleId() == null) throw new IllegalStateException("job " + job.id() + " is a dry run of no rule");
            return new RuleDryRun(job.ruleId(), job.ruleVersion(), job.parameters());
        }
        if (job.ruleId() != null) return new RuleRun(job.ruleId(), job.ruleVersion(), job.parameters(), job.cvid());
        if (job.cvid() != null) return new ViewUpdate(job.cvid());
        throw new IllegalStateException("job " + job.id() + " is of no known kind");
    }

    /**
     * What may have only one SCHEDULED or RUNNING job at a time, as stored in {@code jobs.active_key}
     * (a unique column: the database refuses a second holder, whichever node asks).
     */
    record ActiveKey(String value) {
        static ActiveKey view(long cvid) {
            return new ActiveKey("cvid:" + cvid);
        }

        static ActiveKey rule(String ruleId) {
            return new ActiveKey("rule:" + ruleId);
        }

        static ActiveKey dryRun(String ruleId) {
            return new ActiveKey("dry_run:" + ruleId);
        }

        static ActiveKey undoOf(long jobId) {
            return new ActiveKey("undo:" + jobId);
        }
    }
}
