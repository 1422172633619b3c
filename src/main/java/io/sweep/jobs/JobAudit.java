package io.sweep.jobs;

import io.sweep.audit.Actor;
import io.sweep.audit.AuditKind;
import io.sweep.audit.AuditLog;
import io.sweep.auth.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the job service tells the audit log: a job started (by its starter, or by the trigger of
 * its rule when no one started it), cancelled, or undone. Each method returns the job it was
 * given, so a caller records on its way out.
 */
final class JobAudit {
    /** Until {@link JobService#auditTo} is called (a job service tested on its own), nothing is recorded. */
    static final JobAudit NONE = new JobAudit(null);

    private final AuditLog audit;

    JobAudit(AuditLog audit) {
        this.audit = audit;
    }

    Job started(Job job, Principal startedBy) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("trigger", job.trigger().dbName());
        details.put("rule", job.ruleId());
        details.put("cvid", job.cvid() == null ? null : String.valueOf(job.cvid()));
        details.put("undo_of", job.undoOf() == null ? null : String.valueOf(job.undoOf()));
        details.put("run_as", String.valueOf(job.userId()));
        details.put("total_count", job.totalCount());
        record(actor(job, startedBy), AuditKind.JOB_START, job, details);
        return job;
    }

    Job cancelled(Job job, Principal by) {
        record(actor(job, by), AuditKind.JOB_CANCEL, job, Map.of());
        return job;
    }

    /** Recorded about the job undone; {@code undo} is the job that undoes it. */
    Job undone(Job undo, Principal by) {
        if (audit != null) {
            audit.record(actor(undo, by), AuditKind.JOB_UNDO, AuditLog.job(undo.undoOf()), Map.of("undo_job", String.valueOf(undo.id())));
        }
        return undo;
    }

    private void record(Actor actor, AuditKind kind, Job job, Map<String, ?> details) {
        if (audit != null) audit.record(actor, kind, AuditLog.job(job.id()), details);
    }

    private static Actor actor(Job job, Principal p) {
        if (p != null) return Actor.user(p.user().id(), p.user().email(), null);
        return Actor.trigger(job.trigger().dbName(), job.ruleId());
    }
}
