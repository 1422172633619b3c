package io.sweep.api.admin;

import io.sweep.api.JsonResponse;
import io.sweep.api.QueryParams;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import io.sweep.auth.Principal;
import io.sweep.crm.Module;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import io.sweep.jobs.Job;
import io.sweep.jobs.JobResult;
import io.sweep.jobs.JobService;
import io.sweep.jobs.JobStatus;
import io.sweep.jobs.UndoRequest;
import io.sweep.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /api/jobs…}: translates HTTP to the job service and back. */
final class JobRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(JobRoutes.class);
    static final int MAX_PER_PAGE = 200;
    static final Duration PROGRESS_INTERVAL = Duration.ofMillis(500);
    private static final Set<String> STATUSES = Stream.of(JobStatus.values()).map(s -> s.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    private static final Set<String> RESULT_STATUSES = Set.of("updated", "failed", "skipped", "pending");
    private static final Set<String> FORMATS = Set.of("json", "csv", "xlsx");

    private final AdminContext admin;
    private final JobService jobs;
    private final JobJson json;

    JobRoutes(AdminContext admin, JobService jobs, JobJson json) {
        this.admin = admin;
        this.jobs = jobs;
        this.json = json;
    }

    void list(Context ctx) {
        Principal p = admin.caller(ctx);
        String status = AdminContext.choiceParam(ctx, "status", STATUSES);
        Module module = admin.moduleParam(ctx, false);
        Set<Long> modules;
        if (module != null) {
            modules = Set.of(module.id());
        } else {
            modules = admin.permittedModules(p, AdminContext.READ);
        }
        int page = QueryParams.intParam(ctx, "page", 1, 1, 100_000);
        int perPage = QueryParams.intParam(ctx, "per_page", MAX_PER_PAGE, 1, MAX_PER_PAGE);
        String rule = ctx.queryParam("rule");
        List<Job> found = jobs.list(p, status == null ? null : JobStatus.valueOf(status.toUpperCase(Locale.ROOT)), modules,
                rule == null || rule.isBlank() ? null : rule.trim(), (page - 1) * perPage, perPage + 1);
        boolean more = found.size() > perPage;
        List<Job> shown = more ? found.subList(0, perPage) : found;
        ObjectNode body = Json.object();
        body.set("jobs", json.of(shown));
        ObjectNode info = body.putObject("info");
        info.put("per_page", perPage);
        info.put("count", shown.size());
        info.put("page", page);
        info.put("more_records", more);
        JsonResponse.send(ctx, 200, body);
    }

    /**
     * One job, with what its undos put back so far per field ({@code undo_fields}: read from all its
     * results, so only here, not in lists or live progress); a rule job also shows the source it
     * ran and what its script logged.
     */
    void get(Context ctx) {
        var call = admin.job(ctx, AdminContext.READ);
        Job job = call.job();
        var node = json.of(job);
        node.set("undo_fields", json.undoFields(job));
        if (job.ruleId() != null) {
            node.put("rule_source", JobJson.ruleSource(job));
            node.set("rule_libraries", JobJson.ruleLibraries(job));
            node.put("log", jobs.log(call.principal(), job));
        }
        JsonResponse.send(ctx, 200, node);
    }

    /**
     * Streams the rows as the database hands them over; 50,000 of them are never in memory at once.
     * With {@code page} or {@code per_page} (JSON only) it answers one page for browsing instead.
     */
    void results(Context ctx) {
        var call = admin.job(ctx, AdminContext.READ);
        String status = AdminContext.choiceParam(ctx, "status", RESULT_STATUSES);
        String format = AdminContext.choiceParam(ctx, "format", FORMATS);
        String dbStatus = status == null ? null : status.toUpperCase(Locale.ROOT);
        Job job = call.job();
        var table = Table.Format.of(format);
        boolean paged = table.isEmpty() && (ctx.queryParam("page") != null || ctx.queryParam("per_page") != null);
        int page = QueryParams.intParam(ctx, "page", 1, 1, 100_000);
        int perPage = QueryParams.intParam(ctx, "per_page", MAX_PER_PAGE, 1, MAX_PER_PAGE);
        Long recordId = recordIdParam(ctx);
        // an ended job with no rows left: its results were removed by the history retention, and it says so
        String purgedAt = io.sweep.crm.RecordTime.format(job.resultsPurgedAt());
        ctx.status(200);
        try {
            if (recordId != null) {
                // one record's result: a list of one row (none when the job did not select it), in the format asked for
                List<JobResult> rows = jobs.resultOf(call.principal(), job, recordId, dbStatus);
                if (table.isPresent()) {
                    ctx.contentType(table.get().contentType()).header("Content-Disposition",
                            "attachment; filename=\"job-" + job.id() + "-record-" + recordId + "." + table.get().extension() + "\"");
                    ResultsWriter.table(ctx.outputStream(), table.get(), rows::forEach);
                } else {
                    ctx.contentType(JsonResponse.CONTENT_TYPE);
                    ResultsWriter.jsonPage(ctx.outputStream(), rows, 1, perPage, false, purgedAt);
                }
            } else if (paged) {
                List<JobResult> rows = jobs.resultsPage(call.principal(), job, dbStatus, (page - 1) * perPage, perPage + 1);
                boolean more = rows.size() > perPage;
                ctx.contentType(JsonResponse.CONTENT_TYPE);
                ResultsWriter.jsonPage(ctx.outputStream(), more ? rows.subList(0, perPage) : rows, page, perPage, more, purgedAt);
            } else if (table.isPresent()) {
                ctx.contentType(table.get().contentType())
                        .header("Content-Disposition", "attachment; filename=\"job-" + job.id() + "-results." + table.get().extension() + "\"");
                ResultsWriter.table(ctx.outputStream(), table.get(), rows -> jobs.results(call.principal(), job, dbStatus, rows));
            } else {
                ctx.contentType(JsonResponse.CONTENT_TYPE);
                ResultsWriter.json(ctx.outputStream(), purgedAt, rows -> jobs.results(call.principal(), job, dbStatus, rows));
            }
        } catch (IOException | UncheckedIOException e) {
            // the client went away mid-download; the rest of the rows have nobody to go to
            LOG.debug("results download of job {} ended early", job.id(), e);
        }
    }

    /** {@code ?record_id=}: the one record whose result is asked for, or null for all of them. */
    private static Long recordIdParam(Context ctx) {
        String text = ctx.queryParam("record_id");
        if (text == null || text.isBlank()) return null;
        return io.sweep.crm.Ids.parse(text.trim())
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_DATA, java.util.Map.of("param_name", "record_id"), "record_id must be a record id"));
    }

    /**
     * Server-sent events: {@code progress} with the job every {@link #PROGRESS_INTERVAL} while it is
     * SCHEDULED or RUNNING, then one {@code end} with the final job, then the stream closes.
     * Errors (token, scope, unknown job) are answered as JSON before the stream opens.
     */
    void events(Context ctx) {
        var call = admin.job(ctx, AdminContext.READ);
        String accept = ctx.header("Accept");
        if (accept == null || !accept.toLowerCase(Locale.ROOT).contains("text/event-stream")) {
            throw new ApiException(ErrorCode.NOT_ACCEPTABLE, java.util.Map.of("accept", "text/event-stream"));
        }
        new SseHandler(client -> follow(client, call.principal(), String.valueOf(call.job().id()))).handle(ctx);
    }

    private void follow(SseClient client, Principal p, String jobId) {
        try {
            while (!client.terminated()) {
                Job job = jobs.visibleJob(p, jobId);
                boolean ended = !job.status().active();
                client.sendEvent(ended ? "end" : "progress", Json.write(json.of(job)));
                if (ended) break;
                Thread.sleep(PROGRESS_INTERVAL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            client.close();
        }
    }

    void cancel(Context ctx) {
        var call = admin.job(ctx, AdminContext.UPDATE);
        JsonResponse.send(ctx, 200, json.of(jobs.cancel(call.principal(), String.valueOf(call.job().id()))));
    }

    /** No body (or {@code {}}) puts back every field; {@code {"fields":[…]}} those fields only. */
    void undo(Context ctx) {
        var call = admin.job(ctx, AdminContext.UPDATE);
        UndoRequest asked = UndoRequest.parse(ctx.body());
        JsonResponse.send(ctx, 202, json.of(jobs.undo(call.principal(), String.valueOf(call.job().id()), asked)));
    }
}
