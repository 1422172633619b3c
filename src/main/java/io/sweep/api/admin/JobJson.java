package io.sweep.api.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sweep.auth.User;
import io.sweep.auth.UserRepository;
import io.sweep.crm.Metadata;
import io.sweep.crm.Module;
import io.sweep.crm.RecordTime;
import io.sweep.errors.ApiException;
import io.sweep.jobs.Job;
import io.sweep.jobs.JobService;
import io.sweep.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/** Renders jobs for /api: ids as strings, Zoho's count names, times with offset, and how fast the job goes. */
final class JobJson {
    /** ISO-8601, second precision, offset always written as +hh:mm. */

    private final Metadata metadata;
    private final UserRepository users;
    private final Clock clock;
    private final JobService jobService;
    private final LongFunction<Optional<String>> viewNames;

    JobJson(Metadata metadata, UserRepository users, Clock clock, JobService jobService, LongFunction<Optional<String>> viewNames) {
        this.metadata = metadata;
        this.users = users;
        this.clock = clock;
        this.jobService = jobService;
        this.viewNames = viewNames;
    }

    ObjectNode of(Job job) {
        return (ObjectNode) of(List.of(job)).get(0);
    }

    ArrayNode of(List<Job> jobs) {
        Set<Long> ids = new HashSet<>();
        for (Job job : jobs) {
            ids.add(job.userId());
            if (job.startedBy() != null) ids.add(job.startedBy());
        }
        Map<Long, User> byId = users.byIds(ids);
        Map<Long, Optional<String>> viewNamesById = new java.util.HashMap<>();
        ArrayNode array = Json.array();
        for (Job job : jobs) {
            String viewName = job.cvid() == null ? null
                    : viewNamesById.computeIfAbsent(job.cvid(), viewNames::apply).orElse(null);
            array.add(of(job, byId, viewName));
        }
        return array;
    }

    /**
     * {@code user}: whose rights the job ran with; {@code started_by}: who started it, null for a webhook or a schedule.
     * The {@code …_name} and {@code …_label} fields are what a person reads in place of the ids beside them.
     */
    private ObjectNode of(Job job, Map<Long, User> byId, String viewName) {
        User user = byId.get(job.userId());
        ObjectNode node = Json.object();
        node.put("id", String.valueOf(job.id()));
        Optional<Module> module = metadata.moduleById(job.moduleId());
        node.put("module", module.map(Module::apiName).orElse(null));
        node.put("module_label", module.map(Module::pluralLabel).orElse(null));
        node.put("status", job.status().name());
        node.put("trigger", job.trigger().dbName());
        // a dry run wrote no record: its counts and results are what a run would have done
        node.put("dry_run", job.dryRun());
        ObjectNode u = node.putObject("user");
        u.put("id", String.valueOf(job.userId()));
        u.put("name", user == null ? null : user.fullName());
        u.put("email", user == null ? null : user.email());
        if (job.startedBy() == null) {
            node.putNull("started_by");
        } else {
            User starter = byId.get(job.startedBy());
            ObjectNode s = node.putObject("started_by");
            s.put("id", String.valueOf(job.startedBy()));
            s.put("name", starter == null ? null : starter.fullName());
            s.put("email", starter == null ? null : starter.email());
        }
        node.put("user_name", displayName(user));
        node.put("started_by_name", job.startedBy() == null ? null : displayName(byId.get(job.startedBy())));
        node.put("cvid", idOrNull(job.cvid()));
        node.put("view_name", viewName);
        node.put("rule_id", job.ruleId());
        node.put("rule_version", job.ruleVersion());
        node.set("parameters", jsonOrText(job.parameters()));
        node.put("undo_of", idOrNull(job.undoOf()));
        // so a client offers Undo only where the server would start one
        JobService.Undos undos = jobService.undos(job);
        node.put("undone_by", undos.undoneBy().map(undo -> String.valueOf(undo.id())).orElse(null));
        ArrayNode undoIds = node.putArray("undos");
        undos.all().forEach(undo -> undoIds.add(String.valueOf(undo.id())));
        // when the history retention removed its per-record results (null while kept): from then on no undo
        node.put("results_purged_at", time(job.resultsPurgedAt()));
        node.set("request", withoutSource(jsonOrText(job.request())));
        node.put("Total_Count", job.totalCount());
        node.put("Updated_Count", job.updatedCount());
        node.put("Failed_Count", job.failedCount());
        node.put("Not_Updated_Count", job.notUpdatedCount());
        // Not_Updated_Count split: reached and left alone, and not reached yet; all from this one row
        node.put("skipped_count", job.skippedCount());
        node.put("not_reached_count", job.notReachedCount());
        node.putObject("chunks").put("total", job.chunkCount()).put("done", job.chunksDone());
        node.put("created_time", time(job.createdTime()));
        node.put("start_time", time(job.startTime()));
        node.put("end_time", time(job.endTime()));
        Duration duration = duration(job);
        if (duration == null) {
            node.putNull("duration_ms");
            node.putNull("records_per_second");
        } else {
            node.put("duration_ms", duration.toMillis());
            // records processed (updated, failed or skipped) per second of running; undefined for a job that took no measurable time
            if (duration.toMillis() > 0) {
                double perSecond = job.processedCount() * 1000.0 / duration.toMillis();
                node.put("records_per_second", Math.round(perSecond * 10) / 10.0);
            } else {
                node.putNull("records_per_second");
            }
        }
        node.put("message", job.message());
        if (job.ruleId() != null) node.put("script_ms", job.scriptMillis());
        return node;
    }

    /**
     * Per field the job set: on how many records, and on how many an undo has put it back; null
     * for a job that runs still or updated nothing (neither can be undone).
     */
    JsonNode undoFields(Job job) {
        if (job.status().active() || job.updatedCount() == 0) return NullNode.getInstance();
        ArrayNode fields = Json.array();
        for (var f : jobService.undoFields(job)) {
            fields.addObject().put("field", f.field()).put("records", f.records()).put("put_back", f.putBack());
        }
        return fields;
    }

    /** The short form for lists inside other objects (a rule's last runs): no request, no parameters. */
    ArrayNode summaries(List<Job> jobs) {
        ArrayNode array = Json.array();
        for (Job job : jobs) {
            ObjectNode node = array.addObject();
            node.put("id", String.valueOf(job.id()));
            node.put("status", job.status().name());
            node.put("trigger", job.trigger().dbName());
            node.put("dry_run", job.dryRun());
            node.put("Total_Count", job.totalCount());
            node.put("Updated_Count", job.updatedCount());
            node.put("Failed_Count", job.failedCount());
            node.put("Not_Updated_Count", job.notUpdatedCount());
            node.put("skipped_count", job.skippedCount());
            node.put("not_reached_count", job.notReachedCount());
            node.put("created_time", time(job.createdTime()));
            node.put("end_time", time(job.endTime()));
            node.put("message", job.message());
        }
        return array;
    }

    /** From the start of the first chunk to the end, or to now while the job runs; null before it starts. */
    private Duration duration(Job job) {
        if (job.startTime() == null) return null;
        OffsetDateTime end = job.endTime() != null ? job.endTime() : OffsetDateTime.now(clock);
        Duration d = Duration.between(job.startTime(), end);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** A user as people name them: full name, else e-mail; null for no user. */
    private static String displayName(User u) {
        if (u == null) return null;
        return u.fullName() == null || u.fullName().isBlank() ? u.email() : u.fullName();
    }

    private static String time(OffsetDateTime t) {
        return RecordTime.format(t);
    }

    private static String idOrNull(Long id) {
        return id == null ? null : String.valueOf(id);
    }

    /**
     * A rule job's request keeps the rule's whole source; lists and live progress (twice a second)
     * need not carry it. One job's page shows it apart ({@link #ruleSource}).
     */
    private static JsonNode withoutSource(JsonNode request) {
        if (request instanceof ObjectNode object && (object.has("source") || object.has("libraries"))) {
            ObjectNode copy = object.deepCopy();
            copy.remove("source");
            copy.remove("libraries");
            return copy;
        }
        return request;
    }

    /** The source of the rule as the job ran it, or null for a job that is not a rule's. */
    static String ruleSource(Job job) {
        if (job.ruleId() == null) return null;
        return jsonOrText(job.request()).path("source").asText(null);
    }

    /** The library files the rule imported, by file name ({@code phone.js}), as the job ran them; empty when it imported none. */
    static JsonNode ruleLibraries(Job job) {
        JsonNode request = jsonOrText(job.request());
        JsonNode libraries = request == null ? null : request.get("libraries");
        return libraries != null && libraries.isObject() ? libraries : Json.object();
    }

    private static JsonNode jsonOrText(String text) {
        if (text == null) return null;
        try {
            return Json.parseBody(text);
        } catch (ApiException e) {
            return TextNode.valueOf(text);
        }
    }
}
