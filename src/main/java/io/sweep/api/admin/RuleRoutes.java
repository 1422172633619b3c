package io.sweep.api.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.sweep.api.Access;
import io.sweep.api.AccessGate;
import io.sweep.api.JsonResponse;
import io.sweep.audit.AuditKind;
import io.sweep.audit.AuditLog;
import io.sweep.auth.Principal;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import io.sweep.hooks.WebhookSecrets;
import io.sweep.api.QueryParams;
import io.sweep.jobs.JobService;
import io.sweep.jobs.PreviewService;
import io.sweep.jobs.ScheduleTrigger;
import io.sweep.crm.RecordTime;
import io.sweep.json.Json;
import io.sweep.rules.Rule;
import io.sweep.rules.RuleEntry;
import io.sweep.rules.RuleProblem;
import io.sweep.rules.RuleRegistry;
import io.sweep.rules.RuleValidationException;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /api/rules}: list, read, write (the file stays the source of truth), run, and webhook secrets. */
final class RuleRoutes {
    private static final int LAST_RUNS = 5;
    private static final int RECENT_FIRES = 10;
    private final AdminContext admin;
    private final RuleRegistry rules;
    private final JobService jobs;
    private final JobJson jobJson;
    private final WebhookSecrets secrets;
    private final PreviewService previews;
    private final AuditLog audit;
    private final ScheduleTrigger schedules;

    RuleRoutes(AdminContext admin, RuleRegistry rules, JobService jobs, JobJson jobJson, WebhookSecrets secrets, PreviewService previews,
               AuditLog audit, ScheduleTrigger schedules) {
        this.schedules = schedules;
        this.previews = previews;
        this.audit = audit;
        this.admin = admin;
        this.rules = rules;
        this.jobs = jobs;
        this.jobJson = jobJson;
        this.secrets = secrets;
    }

    void list(Context ctx) {
        Principal p = admin.caller(ctx);
        ObjectNode body = Json.object();
        var list = body.putArray("rules");
        rules.entries().forEach(e -> list.add(withLastRuns(p, entry(e, false), e.id())));
        JsonResponse.send(ctx, 200, body);
    }

    void get(Context ctx) {
        Principal p = admin.caller(ctx);
        RuleEntry e = entry(ctx.pathParam("id"));
        ObjectNode node = withLastRuns(p, entry(e, true), e.id());
        if (e.active() != null && e.active().triggers().cron() != null) node.set("recent_fires", recentFires(e.id()));
        JsonResponse.send(ctx, 200, node);
    }

    /** The schedule's latest fires, newest first: the job each started, or why none (`NO_RECORDS_FOUND: …`, a run still going). */
    private ArrayNode recentFires(String ruleId) {
        var list = Json.array();
        for (var fire : schedules.recentFires(ruleId, RECENT_FIRES)) {
            ObjectNode f = list.addObject();
            f.put("fire_time", RecordTime.format(fire.time().atOffset(ZoneOffset.UTC)));
            f.put("job_id", fire.jobId() == null ? null : String.valueOf(fire.jobId()));
            f.put("skipped_because", fire.jobId() == null ? fire.message() : null);
        }
        return list;
    }

    /** The rule's latest jobs the caller may see, newest first ({@code /api/jobs?rule=} pages through all of them). */
    private ObjectNode withLastRuns(Principal p, ObjectNode node, String ruleId) {
        node.set("last_runs", jobJson.summaries(jobs.list(p, null, admin.permittedModules(p, AdminContext.READ), ruleId, 0, LAST_RUNS)));
        return node;
    }

    /** Writing a rule writes its file; only administrators, since a rule runs as the user it names. */
    void put(Context ctx) {
        String id = validId(ctx.pathParam("id"));
        String source = ctx.body();
        JsonNode json = null;
        if (source.stripLeading().startsWith("{")) {
            try {
                json = Json.parseBody(source);
            } catch (ApiException e) {
                json = null;
            }
        }
        if (json != null && json.has("source")) source = json.get("source").asText();
        try {
            rules.write(id, source, admin.actor(ctx));
        } catch (RuleValidationException e) {
            throw new ApiException(ErrorCode.RULE_INVALID, Map.of("problems", problems(e.problems())));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_DATA, Map.of("id", id), e.getMessage());
        }
        JsonResponse.send(ctx, 200, entry(entry(id), true));
    }

    /** Administrators and whom the rule's {@code allow} names; the job runs as the rule's runAs user. */
    void run(Context ctx) {
        Principal p = admin.caller(ctx);
        Rule rule = activeRule(ctx.pathParam("id"));
        boolean dryRun = dryRun(ctx);
        JsonResponse.send(ctx, 202, jobJson.of(dryRun ? jobs.dryRunRule(p, rule, params(ctx)) : jobs.runRule(p, rule, params(ctx))));
    }

    /** {@code ?dry_run=true}: a job that goes through the whole selection and writes no record. */
    private static boolean dryRun(Context ctx) {
        String value = ctx.queryParam("dry_run");
        if (value == null || value.isEmpty() || value.equals("false")) return false;
        if (value.equals("true")) return true;
        throw new ApiException(ErrorCode.INVALID_DATA, Map.of("param_name", "dry_run"), "dry_run is true or false");
    }

    /** A run's parameters: the body's JSON object, or none. */
    private static Map<String, JsonNode> params(Context ctx) {
        Map<String, JsonNode> params = new LinkedHashMap<>();
        if (!ctx.body().isBlank()) {
            JsonNode body = Json.parseBody(ctx.body());
            if (!body.isObject()) throw new ApiException(ErrorCode.UNABLE_TO_PARSE_DATA_TYPE, Map.of(), "parameters must be a JSON object");
            body.properties().forEach(e -> params.put(e.getKey(), e.getValue()));
        }
        return params;
    }

    /**
     * A preview: the selected count, the error a run would answer, how many records it went
     * through and how many of those would be updated, fail or be skipped, the records that would
     * change (or fail) first, and what the script logged. The body is the run's parameters, as
     * for a run, besides three names of its own: {@code params} (parameters, for a rule that
     * declares one named like the others), {@code ids} (only these records) and {@code source}
     * (the rule as edited, not saved; validated as a save is, and only for those who may save).
     */
    void preview(Context ctx) {
        Principal p = admin.caller(ctx);
        String id = validId(ctx.pathParam("id"));
        int limit = QueryParams.intParam(ctx, "limit", PreviewService.DEFAULT_SAMPLE, 1, PreviewService.MAX_SAMPLE);
        PreviewBody body = PreviewBody.parse(ctx.body());
        Rule rule;
        if (body.source() != null) {
            // previewing unsaved text asks what saving it asks, whatever the route lets through
            AccessGate.requireAlso(ctx, EDIT);
            try {
                rule = rules.check(id, body.source());
            } catch (RuleValidationException e) {
                throw new ApiException(ErrorCode.RULE_INVALID, Map.of("problems", problems(e.problems())));
            } catch (IllegalArgumentException e) {
                throw new ApiException(ErrorCode.INVALID_DATA, Map.of("id", id), e.getMessage());
            }
        } else {
            rule = activeRule(id);
        }
        var request = new PreviewService.RuleRequest(body.params(), body.ids(), limit);
        JsonResponse.send(ctx, 200, PreviewRoutes.render(previews.previewRule(p, rule, request)));
    }

    /** Who may write a rule's file, and so preview text not yet written: administrators with the rules' full scope. */
    static final Access EDIT = Access.administrator("Sweep.rules.ALL");

    /** Creates or rotates the rule's webhook secret and shows it, once. */
    void rotateSecret(Context ctx) {
        Rule rule = activeRule(ctx.pathParam("id"));
        ObjectNode body = Json.object();
        body.put("rule", rule.id());
        boolean existed = secrets.exists(rule.id());
        body.put("secret", secrets.rotate(rule.id()));
        audit.record(admin.actor(ctx), AuditKind.WEBHOOK_SECRET_ROTATE, AuditLog.rule(rule.id()), Map.of("created", !existed));
        body.put("previous_valid_for_hours", WebhookSecrets.ROTATION_GRACE.toHours());
        JsonResponse.send(ctx, 201, body);
    }

    /** A rule id that cannot name a file (or is too long to) is refused before it is looked up or written. */
    private static String validId(String id) {
        if (!io.sweep.rules.RuleValidator.validId(id)) {
            throw new ApiException(ErrorCode.INVALID_DATA, Map.of("param_name", "id"),
                    "a rule id is 1 to " + io.sweep.rules.RuleValidator.MAX_ID_LENGTH + " letters, digits, '-' or '_'");
        }
        return id;
    }

    private RuleEntry entry(String id) {
        validId(id);
        return rules.entry(id).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, Map.of("rule", id)));
    }

    private Rule activeRule(String id) {
        RuleEntry e = entry(id);
        if (e.active() == null) throw new ApiException(ErrorCode.RULE_INVALID, Map.of("problems", problems(e.problems())));
        return e.active();
    }

    private ObjectNode entry(RuleEntry e, boolean withSource) {
        ObjectNode node = Json.object();
        node.put("id", e.id());
        node.put("file", e.file());
        node.put("status", e.ok() ? "ok" : "error");
        node.set("problems", Json.MAPPER.valueToTree(problems(e.problems())));
        var secret = secrets.info(e.id());
        ObjectNode webhookSecret = node.putObject("webhook_secret");
        webhookSecret.put("exists", secret.isPresent());
        webhookSecret.put("created_time", secret.map(i -> AdminContext.time(i.createdTime())).orElse(null));
        webhookSecret.put("rotated_time", secret.map(i -> AdminContext.time(i.rotatedTime())).orElse(null));
        Rule r = e.active();
        if (r != null) {
            node.put("module", r.module());
            node.put("description", r.description());
            node.put("version", r.version());
            node.put("run_as", r.runAs());
            // who besides administrators may run and preview it by hand
            ObjectNode allow = node.putObject("allow");
            var users = allow.putArray("users");
            r.allow().users().forEach(users::add);
            var profiles = allow.putArray("profiles");
            r.allow().profiles().forEach(profiles::add);
            ObjectNode select = node.putObject("select");
            select.put("criteria", r.select().criteria());
            select.put("cvid", r.select().cvid());
            if (!r.select().include().isEmpty()) {
                var include = select.putArray("include");
                r.select().include().forEach(i -> include.add(i.toString()));
            }
            ObjectNode triggers = node.putObject("triggers");
            triggers.put("webhook", r.triggers().webhook());
            triggers.put("schedule", r.triggers().schedule());
            triggers.put("next_fire_time", schedules.nextFire(r).map(t -> RecordTime.format(t.atOffset(ZoneOffset.UTC))).orElse(null));
            ObjectNode params = node.putObject("params");
            r.params().forEach(params::set);
            if (withSource) node.put("source", r.source());
        }
        // a file that does not validate: its text as it is, so the problems' lines can be shown on it and fixed
        if (withSource && !e.ok()) rules.fileSource(e.id()).ifPresent(text -> node.put("file_source", text));
        return node;
    }

    private static List<Map<String, Object>> problems(List<RuleProblem> problems) {
        return problems.stream().<Map<String, Object>>map(p -> Map.of("file", p.file(), "line", p.line(), "column", p.column(), "message", p.message())).toList();
    }
}
