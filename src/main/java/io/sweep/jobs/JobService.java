package io.sweep.jobs;

import io.sweep.crm.RecordTime;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sweep.auth.Principal;
import io.sweep.auth.Territories;
import io.sweep.crm.CustomView;
import io.sweep.crm.Ids;
import io.sweep.crm.Module;
import io.sweep.crm.criteria.CriteriaTemplate;
import io.sweep.crm.RecordRepository;
import io.sweep.db.Database;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import io.sweep.json.Json;
import io.sweep.massupdate.MassUpdate;
import io.sweep.massupdate.MassUpdateRequest;
import io.sweep.massupdate.MassUpdateValidator;
import io.sweep.records.RecordService;
import io.sweep.records.Selections;
import io.sweep.crm.Where;
import io.sweep.rules.Rule;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Starts, cancels and undoes jobs. Scheduling validates like a by-ids call, freezes the
 * selection (the record ids, in chunks) in the same transaction that creates the job, then
 * hands the chunks to the scheduler.
 */
public final class JobService {
    /** Zoho's limit on the records of a scheduled mass update, and a rule job's unless the server sets another. */
    public static final int MAX_RECORDS = 50_000;

    private final Database db;
    private final JobRepository jobs;
    private final RecordRepository records;
    private final RecordService recordService;
    private final Selections selections;
    private final MassUpdateValidator validator;
    private final JobScheduler scheduler;
    private final io.sweep.crm.Metadata metadata;
    private final io.sweep.auth.UserRepository users;
    private final Clock clock;
    /** The most records a rule job (or dry run) may select: {@code SWEEP_MAX_JOB_RECORDS}. */
    private final int maxRuleJobRecords;
    private volatile java.util.function.LongConsumer cancelled = jobId -> { };
    private volatile JobAudit audit = JobAudit.NONE;

    public JobService(Database db, io.sweep.crm.Metadata metadata, JobRepository jobs, RecordRepository records, RecordService recordService, Selections selections,
                      MassUpdateValidator validator, JobScheduler scheduler, io.sweep.auth.UserRepository users, Clock clock,
                      int maxRuleJobRecords) {
        this.db = db;
        this.maxRuleJobRecords = maxRuleJobRecords;
        this.users = users;
        this.metadata = metadata;
        this.jobs = jobs;
        this.records = records;
        this.recordService = recordService;
        this.selections = selections;
        this.validator = validator;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Zoho's scheduler type: every record of the view (and territory) in the background. Returns the job. */
    public Job scheduleByCvid(Principal p, Module module, MassUpdateRequest request) {
        CvidSelection selection = selectByCvid(p, module, request);
        requireSchedulableCount(MAX_RECORDS, selection.count());
        CustomView view = selection.view();
        Job job = start(new NewJob(new JobKind.ViewUpdate(view.id()), Trigger.API, module, p, p, requestJson(request),
                (h, jobId) -> jobs.freezeSelection(h, jobId, module, selection.where())));
        return audit.started(job, p);
    }

    /**
     * Whether this caller may run the rule by hand (and preview it): administrators, and the users
     * and profiles the rule's {@code allow} names.
     */
    public static boolean mayRun(Principal p, Rule rule) {
        return p.profile().administrator() || rule.allow().permits(p.user().email(), p.profile().name());
    }

    /** {@link #mayRun}, or {@code 403 NO_PERMISSION}. */
    public static void requireMayRun(Principal p, Rule rule) {
        if (!mayRun(p, rule)) throw new ApiException(ErrorCode.PERMISSION_DENIED, Map.of("rule", rule.id()));
    }

    /**
     * A manual run: the caller must be allowed to run the rule; the job runs with the rights of
     * the rule's {@code runAs} user and records the caller as the one who started it.
     */
    public Job runRule(Principal caller, Rule rule, Map<String, JsonNode> params) {
        requireMayRun(caller, rule);
        return scheduleRule(rule, params, Trigger.RULE, caller);
    }

    /**
     * A dry run by hand: as {@link #runRule} (the same caller check, selection, limits and chunks),
     * as a job of its own kind that writes no record ({@link JobKind.RuleDryRun}).
     */
    public Job dryRunRule(Principal caller, Rule rule, Map<String, JsonNode> params) {
        requireMayRun(caller, rule);
        return scheduleRule(rule, params, Trigger.RULE, caller, true);
    }

    /** A run started by a trigger (a webhook, a schedule): no one started it, it runs as {@code runAs}. */
    public Job scheduleRule(Rule rule, Map<String, JsonNode> params, Trigger trigger) {
        return scheduleRule(rule, params, trigger, null);
    }

    /**
     * A rule run as a job: the rule's selection as its {@code runAs} user sees it, under the same
     * limits and codes as a cvid mass update; one active job per rule, or per view for a rule that
     * selects by view (see {@link JobKind.RuleRun}). The job keeps the rule's source, version and
     * parameters, the trigger that started it and who did ({@code startedBy}, null for a trigger).
     */
    private Job scheduleRule(Rule rule, Map<String, JsonNode> params, Trigger trigger, Principal startedBy) {
        return scheduleRule(rule, params, trigger, startedBy, false);
    }

    private Job scheduleRule(Rule rule, Map<String, JsonNode> params, Trigger trigger, Principal startedBy, boolean dryRun) {
        ObjectNode runParams = runParams(rule, params);
        RuleSelection selection = selectForRule(rule, runParams);
        requireSchedulableCount(maxRuleJobRecords, selection.count());
        Module module = selection.module();
        Where where = selection.where();
        JobKind kind = dryRun ? new JobKind.RuleDryRun(rule.id(), rule.version(), runParams.toString()) : ruleRun(rule, runParams);
        Job job = start(new NewJob(kind, trigger, module, selection.runAs(), startedBy, ruleRequest(rule, trigger, runParams),
                (h, jobId) -> jobs.freezeSelection(h, jobId, module, where)));
        return audit.started(job, startedBy);
    }

    /** A run of the rule as it is now, with these parameters (the rule's defaults and the run's own). */
    static JobKind.RuleRun ruleRun(Rule rule, ObjectNode runParams) {
        Long cvid = rule.select().cvid() == null ? null : Long.valueOf(rule.select().cvid());
        return new JobKind.RuleRun(rule.id(), rule.version(), runParams.toString(), cvid);
    }

    /**
     * The rule's default parameters, overridden by the run's own, checked against what the rule
     * declares ({@code 400} before any job when they do not fit; see {@link io.sweep.rules.ParamSchema}).
     */
    static ObjectNode runParams(Rule rule, Map<String, JsonNode> params) {
        Map<String, JsonNode> merged = new LinkedHashMap<>(rule.params());
        merged.putAll(params);
        ObjectNode checked = Json.object();
        rule.schema().check(merged, params, rule.params().keySet()).forEach(checked::set);
        return checked;
    }

    /**
     * What a rule job keeps as its request: the rule, its version, source and the sources of the library
     * files it imports as they are when the job starts (a later edit of the files changes nothing
     * mid-way), the trigger and the parameters.
     */
    static String ruleRequest(Rule rule, Trigger trigger, ObjectNode runParams) {
        ObjectNode request = Json.object();
        request.put("rule", rule.id());
        request.put("version", rule.version());
        request.put("trigger", trigger.dbName());
        request.set("params", runParams);
        request.put("source", rule.source());
        // the libraries it imports, as they were: every chunk (on any node) runs this exact code, and the job page shows it
        if (!rule.libraries().texts().isEmpty()) {
            ObjectNode libraries = request.putObject("libraries");
            rule.libraries().texts().forEach(libraries::put);
        }
        return request.toString();
    }

    /** What a rule run selects: its runAs user (as a caller), the module, the records (as SQL) and their count. */
    public record RuleSelection(Principal runAs, Module module, Where where, long count) {}

    /**
     * Builds a rule's selection exactly as a run with these parameters (the rule's defaults and the
     * run's own, see {@link #runParams}) does; throws the error a run would answer (the count is not
     * judged here). A parameter the selection uses and the run lacks is refused here, before any job.
     */
    public RuleSelection selectForRule(Rule rule, ObjectNode runParams) {
        Principal runAs = users.byEmail(rule.runAs()).filter(io.sweep.auth.User::active)
                .map(u -> users.principal(u, io.sweep.auth.Scopes.of(Set.of())))
                .orElseThrow(() -> new ApiException(ErrorCode.PERMISSION_DENIED, Map.of("runAs", rule.runAs()),
                        "the rule's runAs user does not exist or is inactive"));
        Module module = metadata.module(rule.module()).orElseThrow(() -> new ApiException(ErrorCode.INVALID_MODULE));
        if (!runAs.profile().module(module.id()).canMassUpdate()) throw io.sweep.auth.ModulePermission.denied("Mass_Update", module);
        Where where = ruleSelection(runAs, module, rule.select(), runParams);
        return new RuleSelection(runAs, module, where, records.count(module, where.sql(), where.params()));
    }

    /**
     * The part of a rule's selection that {@code viewer} may see, with its count: what a preview
     * shows someone other than the runAs user. {@code 403} when the viewer may not see the module.
     */
    public RuleSelection seenBy(RuleSelection selection, Principal viewer) {
        Module module = selection.module();
        Where where = Where.and(List.of(selection.where(), recordService.visibleTo(viewer, module, "seen_")));
        return new RuleSelection(selection.runAs(), module, where, records.count(module, where.sql(), where.params()));
    }

    /** Whether the rule (or, for a rule that selects by view, its view) has a SCHEDULED or RUNNING job (a new run would be ALREADY_SCHEDULED). */
    public boolean hasActiveJobFor(Rule rule) {
        return jobs.hasActiveJob(ruleRun(rule, Json.object()).activeKey());
    }

    private Where ruleSelection(Principal runAs, Module module, Rule.Selection select, ObjectNode runParams) {
        Where criteria = select.criteria() != null
                ? selections.search(module, boundCriteria(select.criteria(), runParams))
                : Selections.criteriaOf(module, selections.accessibleView(runAs, module, select.cvid()));
        var territory = select.territory() == null ? null
                : new MassUpdateRequest.Territory(select.territory().id(), select.territory().includeChild());
        return Where.and(List.of(recordService.visibleTo(runAs, module), criteria, territoryFilter(territory)));
    }

    /** The rule's criteria with the run's parameter values in its {@code ${params.NAME}} placeholders. */
    private static String boundCriteria(String criteria, ObjectNode runParams) {
        Map<String, JsonNode> params = new LinkedHashMap<>();
        runParams.properties().forEach(e -> params.put(e.getKey(), e.getValue()));
        try {
            return CriteriaTemplate.bind(criteria, params);
        } catch (CriteriaTemplate.UnboundParameter e) {
            throw new ApiException(ErrorCode.MANDATORY_PARAM_MISSING, Map.of("param_name", e.name()), e.getMessage());
        }
    }

    /** What a cvid mass update selects: its validated values, the view, and the records (as SQL) with their count. */
    public record CvidSelection(MassUpdate update, CustomView view, Where where, long count) {}

    /**
     * Validates a cvid mass update and builds its selection, exactly as scheduling does: the
     * request-level rules, the view (accessible to the user, of this module), the records the user
     * may see, the territory, and the request's criteria, which narrow the view's records (never
     * widen them). Throws the error a mass update answers; the count is not judged here.
     */
    public CvidSelection selectByCvid(Principal p, Module module, MassUpdateRequest request) {
        if (request.byIds()) throw new IllegalArgumentException("a mass update by ids selects its ids");
        MassUpdate update = validator.validate(p, module, request.values(), request.overWrite());
        var view = selections.accessibleView(p, module, request.cvid());
        Where narrowing = request.criteria() == null ? Where.ALL : selections.narrowing(p, module, request.criteria());
        Where where = Where.and(List.of(selections.visibleInView(p, module, view), territoryFilter(request.territory()), narrowing));
        return new CvidSelection(update, view, where, records.count(module, where.sql(), where.params()));
    }

    /** Zoho's answer to a selection of nothing, or of more than {@code limit}. */
    public static void requireSchedulableCount(int limit, long selected) {
        if (selected == 0) throw new ApiException(ErrorCode.NO_RECORDS_FOUND);
        if (selected > limit) throw new ApiException(ErrorCode.RECORD_COUNT_EXCEEDED, Map.of("limit", String.valueOf(limit)));
    }

    /** {@link #requireSchedulableCount(int, long)} with the limit of a rule job on this server. */
    public void requireSchedulableRuleCount(long selected) {
        requireSchedulableCount(maxRuleJobRecords, selected);
    }

    /**
     * The most records a job of this kind may select: Zoho's for a mass update of a view, the
     * server's for a rule's run; an undo puts back what its job changed, which was within its limit.
     */
    private int recordLimit(JobKind kind) {
        return switch (kind) {
            case JobKind.ViewUpdate v -> MAX_RECORDS;
            case JobKind.RuleRun r -> maxRuleJobRecords;
            case JobKind.RuleDryRun r -> maxRuleJobRecords;
            case JobKind.Undo u -> Integer.MAX_VALUE;
        };
    }

    /** Whether a job for this view is SCHEDULED or RUNNING (a new one would be ALREADY_SCHEDULED). */
    public boolean hasActiveJobFor(CustomView view) {
        return jobs.hasActiveJob(new JobKind.ViewUpdate(view.id()).activeKey());
    }

    /**
     * A job to be started: what it does and how it was asked for, whose rights it runs with
     * ({@code runAs}), who started it ({@code startedBy}, null for a trigger) and how its
     * selection is frozen.
     */
    private record NewJob(JobKind kind, Trigger trigger, Module module, Principal runAs, Principal startedBy, String request,
                          Freezer selection) {}

    /** Freezes the job's selection into a new job in one transaction, then schedules its chunks. */
    private Job start(NewJob job) {
        OffsetDateTime now = now();
        long jobId = db.inTransaction(h -> {
            long id = db.nextId(h);
            var draft = new JobRepository.Draft(id, job.module().id(), job.runAs().user().id(), job.trigger(), job.kind(), job.request(),
                    now, job.startedBy() == null ? null : job.startedBy().user().id(), false);
            if (!jobs.insert(h, draft)) throw alreadyActive(job.kind());
            int frozen = job.selection().freeze(h, id);
            // the selection may have moved between the count and the freeze: the frozen one rules
            requireSchedulableCount(recordLimit(job.kind()), frozen);
            jobs.setCounts(h, id, frozen);
            return id;
        });
        scheduler.schedule(jobId, jobs.pendingChunks(jobId));
        return jobs.find(jobId).orElseThrow();
    }

    /** Zoho's answer when a job of this kind holds the key already: a view's job, a rule's, or a second undo. */
    private static ApiException alreadyActive(JobKind kind) {
        return switch (kind) {
            case JobKind.ViewUpdate v -> new ApiException(ErrorCode.ALREADY_SCHEDULED, Map.of("cvid", String.valueOf(v.cvid())));
            case JobKind.RuleRun r -> new ApiException(ErrorCode.ALREADY_SCHEDULED,
                    r.cvid() == null ? Map.of() : Map.of("cvid", String.valueOf(r.cvid())));
            case JobKind.RuleDryRun r -> new ApiException(ErrorCode.ALREADY_SCHEDULED, Map.of("rule", r.ruleId()));
            // another node started an undo of the job between the check and the insert
            case JobKind.Undo u -> new ApiException(ErrorCode.INVALID_JOB_STATE, Map.of("job_id", String.valueOf(u.undoneJobId())),
                    "this job was already undone");
        };
    }

    @FunctionalInterface
    private interface Freezer {
        int freeze(org.jdbi.v3.core.Handle h, long jobId);
    }

    /**
     * A job the caller may see: one they started or that ran with their rights, or any job for an
     * administrator. Unknown and foreign look the same.
     */
    public Job visibleJob(Principal p, String id) {
        return Ids.parse(id).flatMap(jobs::find)
                .filter(j -> p.profile().administrator() || j.concerns(p.user().id()))
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, Map.of("job_id", String.valueOf(id))));
    }

    /**
     * One page of the jobs the caller may see, newest first: an administrator's view holds every
     * user's jobs, anyone else's those they started or that ran with their rights. {@code moduleIds} null means every module,
     * {@code ruleId} null jobs of any rule or none.
     */
    public List<Job> list(Principal p, JobStatus status, Set<Long> moduleIds, String ruleId, int offset, int limit) {
        Long onlyUser = p.profile().administrator() ? null : p.user().id();
        return jobs.list(new JobRepository.Filter(status, moduleIds, onlyUser, ruleId), offset, limit);
    }

    /** One record's result in the job (empty when the job did not select it), masked for the viewer as every result is. */
    public List<JobResult> resultOf(Principal viewer, Job job, long recordId, String status) {
        List<JobResult> found = jobs.resultOf(job.id(), recordId, status);
        ResultsMask mask = ResultsMask.of(db, recordService, viewer, job, moduleOf(job));
        return mask == null ? found : mask.apply(found);
    }

    /** One page of a job's results in record order, as {@code viewer} may see them; {@code status} as for {@link #results}. */
    public List<JobResult> resultsPage(Principal viewer, Job job, String status, int offset, int limit) {
        List<JobResult> page = jobs.resultsPage(job.id(), status, offset, limit);
        ResultsMask mask = ResultsMask.of(db, recordService, viewer, job, moduleOf(job));
        return mask == null ? page : mask.apply(page);
    }

    /**
     * What a rule job's script logged ({@code ctx.log}, {@code console}), bounded; empty for other
     * jobs. Null for a viewer who is neither an administrator nor the user the job ran as: a
     * script may log any value of any record it went through.
     */
    public String log(Principal viewer, Job job) {
        if (!viewer.profile().administrator() && job.userId() != viewer.user().id()) return null;
        return jobs.log(job.id());
    }

    /**
     * Hands a job's per-record results to {@code consumer} one at a time, in record order, as
     * {@code viewer} may see them (see {@link ResultsMask}); {@code status} (PENDING, UPDATED,
     * FAILED, SKIPPED) or null for all.
     */
    public void results(Principal viewer, Job job, String status, Consumer<JobResult> consumer) {
        ResultsMask mask = ResultsMask.of(db, recordService, viewer, job, moduleOf(job));
        jobs.streamResultPages(job.id(), status, page -> (mask == null ? page : mask.apply(page)).forEach(consumer));
    }

    /**
     * Stops a SCHEDULED or RUNNING job: a chunk being applied finishes, a rule chunk whose script is
     * deciding on this node is stopped at once (its records are left as they are).
     */
    public Job cancel(Principal p, String id) {
        Job job = visibleJob(p, id);
        if (!jobs.end(job.id(), JobStatus.CANCELLED, "cancelled by " + p.user().email(), now())) {
            throw new ApiException(ErrorCode.INVALID_JOB_STATE, Map.of("job_id", String.valueOf(job.id()), "status", job.status().name()),
                    "only a SCHEDULED or RUNNING job can be cancelled");
        }
        // after the status is stored: a chunk starting its script now sees CANCELLED, one already running is stopped
        cancelled.accept(job.id());
        return audit.cancelled(jobs.find(job.id()).orElseThrow(), p);
    }

    /** Where starts, cancels and undos are recorded, with who asked for them. */
    public void auditTo(io.sweep.audit.AuditLog log) {
        this.audit = new JobAudit(log);
    }

    /** Told the id of each job cancelled here, once its status is stored. */
    public void onCancelled(java.util.function.LongConsumer listener) {
        this.cancelled = listener;
    }

    /** The undo job that undid (or is undoing) this job; empty while an undo may still start (see {@link UndoState#undoneBy}). */
    public Optional<Job> undoneBy(Job job) {
        return UndoState.undoneBy(jobs.undosOf(job.id()));
    }

    /** What the undos of a job did so far, and the undo that undid it, from one read of its undos. */
    public record Undos(List<Job> all, Optional<Job> undoneBy) {}

    public Undos undos(Job job) {
        List<Job> all = jobs.undosOf(job.id());
        return new Undos(all, UndoState.undoneBy(all));
    }

    /** Per field the job set: on how many records, and on how many an undo has put it back (reads all the job's results). */
    public List<UndoState.FieldProgress> undoFields(Job job) {
        return UndoState.of(jobs, job.id()).fields();
    }

    /** {@link #undo(Principal, String, UndoRequest)} of every field. */
    public Job undo(Principal p, String id) {
        return undo(p, id, UndoRequest.ALL);
    }

    /**
     * Starts a job that puts back the values a finished job replaced: every field, or the fields
     * asked for. A record whose fields hold other values since is left alone and reported as a
     * conflict naming that later change. A job may be undone again for what earlier undos left
     * (conflicts, failures, a cancel, fields not chosen); no field change is put back twice.
     */
    public Job undo(Principal p, String id, UndoRequest asked) {
        Job job = visibleJob(p, id);
        // read from the stored flag, not the kind: a job of no known kind is still answered as before
        if (job.dryRun()) {
            throw new ApiException(ErrorCode.INVALID_DATA, Map.of("job_id", String.valueOf(job.id())),
                    "a dry run changed no record: there is nothing to undo");
        }
        if (job.status().active()) {
            throw new ApiException(ErrorCode.INVALID_JOB_STATE, Map.of("job_id", String.valueOf(job.id()), "status", job.status().name()),
                    "a job can be undone once it has ended");
        }
        if (undoneBy(job).isPresent()) throw alreadyUndone(job);
        if (job.resultsPurgedAt() != null) throw resultsPurged(job.id(), job.resultsPurgedAt());
        if (job.updatedCount() == 0) {
            throw new ApiException(ErrorCode.NO_RECORDS_FOUND, Map.of("job_id", String.valueOf(job.id())), "the job updated no record");
        }
        // an undo is a mass update by the user who asks for it: their profile must allow one in this module
        Module module = moduleOf(job);
        if (!p.profile().module(module.id()).canMassUpdate()) throw io.sweep.auth.ModulePermission.denied("Mass_Update", module);
        UndoState state = UndoState.of(jobs, job.id());
        Set<String> left = state.remainingFields();
        if (left.isEmpty()) throw alreadyUndone(job);
        Set<String> fields = asked.fields() == null ? null : new java.util.LinkedHashSet<>(asked.fields());
        if (fields != null) {
            Set<String> set = new java.util.HashSet<>();
            state.fields().forEach(f -> set.add(f.field()));
            for (String f : fields) {
                if (!set.contains(f)) {
                    throw new ApiException(ErrorCode.INVALID_DATA, Map.of("api_name", f), "the job did not change this field");
                }
                if (!left.contains(f)) {
                    throw new ApiException(ErrorCode.INVALID_JOB_STATE, Map.of("job_id", String.valueOf(job.id()), "api_name", f),
                            "this field was already put back");
                }
            }
        }
        boolean complete = fields == null || fields.containsAll(left);
        List<Long> records = state.recordsToPutBack(fields);
        Job undo = start(new NewJob(new JobKind.Undo(job.id()), Trigger.UNDO, module, p, p, asked.toJson(job.id(), complete),
                (h, jobId) -> {
                    // under the job's lock, as the retention purge marks it: its results are either all there or gone
                    var purged = jobs.lockForUndo(h, job.id());
                    if (purged.isPresent()) throw resultsPurged(job.id(), purged.get());
                    return jobs.freezeRecords(h, jobId, records);
                }));
        return audit.undone(undo, p);
    }

    private static ApiException alreadyUndone(Job job) {
        return new ApiException(ErrorCode.INVALID_JOB_STATE, Map.of("job_id", String.valueOf(job.id())), "this job was already undone");
    }

    /** Zoho's answer to an undo of a job whose results the history retention removed. */
    private static ApiException resultsPurged(long jobId, OffsetDateTime purgedAt) {
        return new ApiException(ErrorCode.INVALID_DATA,
                Map.of("job_id", String.valueOf(jobId), "results_purged_at", RecordTime.format(purgedAt)),
                "the job's results were removed on " + RecordTime.format(purgedAt)
                        + " by the history retention (SWEEP_HISTORY_RETENTION_DAYS); it can no longer be undone");
    }

    private Module moduleOf(Job job) {
        return metadata.moduleById(job.moduleId()).orElseThrow(() -> new ApiException(ErrorCode.INVALID_MODULE));
    }

    private Where territoryFilter(MassUpdateRequest.Territory territory) {
        if (territory == null) return Where.ALL;
        long territoryId = Ids.parse(territory.id())
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_ID, Map.of("api_name", "territory")));
        Map<Long, Long> parents = new HashMap<>();
        db.withHandle(h -> h.createQuery("SELECT id, parent_id FROM territories")
                .map((rs, ctx) -> parents.put(rs.getLong("id"), rs.getObject("parent_id", Long.class))).list());
        if (!parents.containsKey(territoryId)) throw new ApiException(ErrorCode.INVALID_ID, Map.of("api_name", "territory"));
        Set<Long> territories = territory.includeChild()
                ? Territories.withDescendants(parents, List.of(territoryId)) : Set.of(territoryId);
        return Where.in("territory_id", "territory", territories);
    }

    private static String requestJson(MassUpdateRequest request) {
        ObjectNode node = Json.object();
        ObjectNode data = node.putArray("data").addObject();
        request.values().forEach(data::set);
        node.put("cvid", request.cvid());
        node.put("over_write", request.overWrite());
        if (request.territory() != null) {
            node.putObject("territory").put("id", request.territory().id()).put("include_child", request.territory().includeChild());
        }
        if (request.criteria() != null) node.set("criteria", request.criteria());
        return node.toString();
    }

    private OffsetDateTime now() {
        return RecordTime.now(clock);
    }
}
