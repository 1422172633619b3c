package io.sweep.jobs;

import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import io.sweep.json.Json;
import io.sweep.rules.RuleTrigger;
import io.sweep.rules.Rule;
import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.auth.Principal;
import io.sweep.crm.Ids;
import io.sweep.crm.Module;
import io.sweep.crm.RecordRepository;
import io.sweep.crm.RecordRow;
import io.sweep.db.Database;
import io.sweep.massupdate.MassUpdate;
import io.sweep.massupdate.MassUpdateParser;
import io.sweep.massupdate.MassUpdateRequest;
import io.sweep.massupdate.MassUpdateValidator;
import io.sweep.massupdate.RecordOutcome;
import io.sweep.massupdate.RecordUpdater;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Dry runs of mass updates. The request goes through the same parser, validator and selection as
 * the real call, and the first records of the selection through {@link RecordUpdater}'s own
 * checks, on rows read without locks: the outcomes are the ones the real run would produce
 * (permissions, blueprints, multi-select merging), and nothing is written or locked.
 */
public final class PreviewService {
    public static final int DEFAULT_SAMPLE = 20;
    public static final int MAX_SAMPLE = 200;

    private final Database db;
    private final JobService jobs;
    private final MassUpdateValidator validator;
    private final RecordRepository records;
    private final RecordUpdater updater;
    private final Clock clock;

    private final RulePlanners rulePlanners;

    public PreviewService(Database db, JobService jobs, MassUpdateValidator validator, RecordRepository records,
                          RecordUpdater updater, RulePlanners rulePlanners, Clock clock) {
        this.db = db;
        this.rulePlanners = rulePlanners;
        this.jobs = jobs;
        this.validator = validator;
        this.records = records;
        this.updater = updater;
        this.clock = clock;
    }

    /**
     * Previews {@code body}, a mass update request as {@code POST /crm/v2/{module}/actions/mass_update}
     * takes it, on its first {@code sampleSize} records. Any error the real call would answer is
     * returned in the preview, not thrown.
     */
    public Preview preview(Principal p, Module module, String body, int sampleSize) {
        if (sampleSize < 1 || sampleSize > MAX_SAMPLE) throw new IllegalArgumentException("sample size out of range: " + sampleSize);
        MassUpdateRequest request;
        try {
            request = MassUpdateParser.parse(Json.parseBody(body));
        } catch (ApiException e) {
            return new Preview(module.apiName(), 0, e, List.of());
        }
        return request.byIds() ? byIds(p, module, request, sampleSize) : byCvid(p, module, request, sampleSize);
    }

    /** As the real call: every entry of {@code ids} in request order, an id that is not one failing its own entry. */
    private Preview byIds(Principal p, Module module, MassUpdateRequest request, int sampleSize) {
        int selected = request.ids().size();
        MassUpdate update;
        try {
            update = validator.validate(p, module, request.values(), request.overWrite());
        } catch (ApiException e) {
            return new Preview(module.apiName(), selected, e, List.of());
        }
        List<String> entries = request.ids().subList(0, Math.min(sampleSize, selected));
        var distinct = new LinkedHashSet<Long>();
        for (String id : entries) Ids.parse(id).ifPresent(distinct::add);
        // a record the caller may not see is sampled as an id that does not exist (no outcome: INVALID_ID below)
        distinct.retainAll(visibleOf(p, module, distinct));
        Map<Long, RecordOutcome> outcomes = dryRun(update, List.copyOf(distinct));
        List<Preview.Sample> sample = new ArrayList<>(entries.size());
        for (String id : entries) {
            sample.add(sample(id, Ids.parse(id).map(outcomes::get).orElse(RecordOutcome.failed(-1, ErrorCode.INVALID_ID))));
        }
        return new Preview(module.apiName(), selected, null, sample);
    }

    /** As scheduling: the frozen selection is the view's records in id order, so the sample is what the first chunk updates. */
    private Preview byCvid(Principal p, Module module, MassUpdateRequest request, int sampleSize) {
        JobService.CvidSelection selection;
        try {
            selection = jobs.selectByCvid(p, module, request);
        } catch (ApiException e) {
            return new Preview(module.apiName(), 0, e, List.of());
        }
        ApiException error = null;
        try {
            JobService.requireSchedulableCount(selection.count());
            if (jobs.hasActiveJobFor(selection.view())) {
                error = new ApiException(ErrorCode.ALREADY_SCHEDULED, Map.of("cvid", String.valueOf(selection.view().id())));
            }
        } catch (ApiException e) {
            error = e;
        }
        var where = selection.where();
        List<Long> ids = records.select(module, where.sql(), where.params(), "id", 0, sampleSize).stream().map(RecordRow::id).toList();
        Map<Long, RecordOutcome> outcomes = dryRun(selection.update(), ids);
        List<Preview.Sample> sample = new ArrayList<>(ids.size());
        for (long id : ids) sample.add(sample(String.valueOf(id), outcomes.get(id)));
        return new Preview(module.apiName(), selection.count(), error, sample);
    }

    /**
     * A rule's dry run for {@code caller}, who must be allowed to run it ({@code 403} otherwise):
     * its selection as a run builds it, narrowed to the records the caller may see (the count
     * too), and the first of them through its {@code update} and the same checks; nothing is written. The error is the one a run would answer; values of fields hidden from
     * the caller are left out.
     */
    public Preview previewRule(Principal caller, Rule rule, Map<String, JsonNode> params, int sampleSize) {
        JobService.requireMayRun(caller, rule);
        JobService.RuleSelection selection;
        try {
            selection = jobs.selectForRule(rule, JobService.runParams(rule, params));
        } catch (ApiException e) {
            return new Preview(rule.module(), 0, e, List.of());
        }
        ApiException error = null;
        try {
            JobService.requireSchedulableCount(selection.count());
            if (jobs.hasActiveJobFor(rule)) error = new ApiException(ErrorCode.ALREADY_SCHEDULED, activeJobDetails(rule));
        } catch (ApiException e) {
            error = e;
        }
        Module module = selection.module();
        JobService.RuleSelection seen = jobs.seenBy(selection, caller);
        var where = seen.where();
        List<Long> ids = records.select(module, where.sql(), where.params(), "id", 0, sampleSize).stream().map(RecordRow::id).toList();
        Map<Long, RecordOutcome> outcomes;
        try (ScriptedPlanner planner = rulePlanners.open(rule, params, RuleTrigger.MANUAL, selection.runAs(), module)) {
            // the script decides with no connection held, as in a job; its plans then meet the same checks
            List<RecordRow> rows = db.withHandle(h -> records.findByIds(h, module, ids, false));
            ScriptPlans plans = new ScriptPlans(planner, selection.runAs(), module);
            plans.planAll(rows);
            outcomes = dryRun(selection.runAs(), module, ids, plans.applying(true, new ArrayList<>()));
        } catch (ChunkRunner.JobCannotRun e) {
            return new Preview(module.apiName(), seen.count(), new ApiException(ErrorCode.SCRIPT_ERROR, Map.of("rule", rule.id()), e.getMessage()), List.of());
        }
        List<Preview.Sample> sample = new ArrayList<>(ids.size());
        for (long id : ids) sample.add(seenBy(caller, module, sample(String.valueOf(id), outcomes.get(id))));
        return new Preview(module.apiName(), seen.count(), error, sample);
    }

    private static Map<String, String> activeJobDetails(Rule rule) {
        return rule.select().cvid() == null ? Map.of("rule", rule.id()) : Map.of("rule", rule.id(), "cvid", rule.select().cvid());
    }

    /** A sample without the changes of fields hidden from the caller. */
    private static Preview.Sample seenBy(Principal caller, Module module, Preview.Sample s) {
        List<FieldChange> changes = s.changes().stream()
                .filter(c -> module.field(c.field()).map(f -> caller.profile().maySeeField(f.id())).orElse(true)).toList();
        return changes.size() == s.changes().size() ? s : new Preview.Sample(s.id(), s.outcome(), s.code(), s.message(), changes);
    }

    private java.util.Set<Long> visibleOf(Principal p, Module module, java.util.Collection<Long> ids) {
        var visible = new java.util.HashSet<Long>();
        for (RecordRow row : records.findByIds(module, ids)) {
            if (io.sweep.auth.RecordAccess.mayView(p, module, row)) visible.add(row.id());
        }
        return visible;
    }

    private Map<Long, RecordOutcome> dryRun(MassUpdate update, List<Long> ids) {
        return dryRun(update.principal(), update.module(), ids, RecordUpdater.sameValues(update));
    }

    /** Outcomes from rows read without locks, outside any transaction: a dry run writes nothing and holds up no one. */
    private Map<Long, RecordOutcome> dryRun(Principal p, Module module, List<Long> ids, RecordUpdater.Planner planner) {
        return db.withHandle(h -> {
            Map<Long, RecordOutcome> outcomes = new HashMap<>();
            for (RecordOutcome o : updater.dryRun(h, p, module, ids, planner)) outcomes.put(o.id(), o);
            return outcomes;
        });
    }

    private static Preview.Sample sample(String id, RecordOutcome o) {
        return switch (o.status()) {
            case UPDATED -> new Preview.Sample(id, RecordOutcome.Status.UPDATED, null, null, FieldChange.of(o.changedBefore(), o.changedAfter()));
            case FAILED -> new Preview.Sample(id, RecordOutcome.Status.FAILED, o.error().code(), o.message(), List.of());
            case SKIPPED -> new Preview.Sample(id, RecordOutcome.Status.SKIPPED, null, o.message(), List.of());
        };
    }
}
