package io.sweep.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sweep.auth.User;
import io.sweep.crm.RecordTime;
import io.sweep.jobs.Job;
import io.sweep.json.Json;
import java.util.Optional;

/**
 * The body of a {@code job.ended} event: what a receiver needs to act on a job's end without
 * calling back (its status and counts, what started it, the rule, the module, the times), and
 * the paths of the job and its results on the Sweep server for when it does.
 */
final class JobEvent {
    static final String TYPE = "job.ended";

    private JobEvent() {}

    static String of(Job job, String moduleApiName, Optional<User> runAs, Optional<User> startedBy) {
        ObjectNode event = Json.object();
        event.put("event", TYPE);
        ObjectNode j = event.putObject("job");
        j.put("id", String.valueOf(job.id()));
        j.put("status", job.status().name());
        j.put("trigger", job.trigger().dbName());
        if (job.ruleId() == null) {
            j.putNull("rule");
        } else {
            j.putObject("rule").put("id", job.ruleId()).put("version", job.ruleVersion());
        }
        j.put("module", moduleApiName);
        j.put("undo_of", job.undoOf() == null ? null : String.valueOf(job.undoOf()));
        // a dry run wrote nothing: its counts are what a run would have done
        j.put("dry_run", job.dryRun());
        user(j, "run_as", job.userId(), runAs);
        if (job.startedBy() == null) {
            j.putNull("started_by");
        } else {
            user(j, "started_by", job.startedBy(), startedBy);
        }
        ObjectNode counts = j.putObject("counts");
        counts.put("total", job.totalCount());
        counts.put("updated", job.updatedCount());
        counts.put("failed", job.failedCount());
        counts.put("skipped", job.skippedCount());
        counts.put("not_updated", job.notUpdatedCount());
        j.put("message", job.message());
        j.put("created_time", RecordTime.format(job.createdTime()));
        j.put("start_time", RecordTime.format(job.startTime()));
        j.put("end_time", RecordTime.format(job.endTime()));
        // paths on the Sweep server the receiver was told about: Sweep does not know the address clients use for it
        ObjectNode links = j.putObject("links");
        links.put("job", "/api/jobs/" + job.id());
        links.put("results", "/api/jobs/" + job.id() + "/results");
        links.put("ui", "/#/jobs/" + job.id());
        return event.toString();
    }

    private static void user(ObjectNode parent, String name, long id, Optional<User> user) {
        parent.putObject(name).put("id", String.valueOf(id)).put("email", user.map(User::email).orElse(null));
    }
}
