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
import io.sweep.crm.Where;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Dry runs of mass updates and rules. A mass update's request goes through the same parser,
 * validator and selection as the real call, and the first records of the selection through
 * {@link RecordUpdater}'s own checks, on rows read without locks: the outcomes are the ones the
 * real run would produce (permissions, blueprints, multi-select merging), and nothing is written
 * or locked. A rule's preview goes further through its selection ({@link #previewRule}).
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
    private final Duration countBudget;

    /** How long a rule preview goes on counting the selection, at most; it always goes through one chunk. */
    public static final Duration COUNT_BUDGET = Duration.ofSeconds(5);

    public PreviewService(Database db, JobService jobs, MassUpdateValidator validator, RecordRepository records,
                          RecordUpdater updater, RulePlanners rulePlanners, Clock clock) {
        this(db, jobs, validator, records, updater, rulePlanners, clock, COUNT_BUDGET);
    }

    private PreviewService(Database db, JobService jobs, MassUpdateValidator validator, RecordRepository records,
                           RecordUpdater updater, RulePlanners rulePlanners, Clock clock, Duration countBudget) {
        this.countBudget = countBudget;
        this.db = db;
        this.rulePlanners = rulePlanners;
        this.jobs = jobs;
        this.validator = validator;
        this.records = records;
        this.updater = updater;
        this.clock = clock;
    }

    /** The same previews, counting a rule's selection for at most {@code budget}. */
    public PreviewService withCountBudget(Duration budget) {
        return new PreviewService(db, jobs, validator, records, updater, rulePlanners, clock, budget);
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
            JobService.requireSchedulableCount(JobService.MAX_RECORDS, selection.count());
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
     * What a rule preview is asked: the run's parameters, the records to go through ({@code ids},
     * null for the whole selection) and how many of them to show ({@code sampleSize}).
     */
    public record RuleRequest(Map<String, JsonNode> params, List<String> ids, int sampleSize) {
        public RuleRequest {
            params = Map.copyOf(params);
            ids = ids == null ? null : List.copyOf(ids);
        }
    }

    /**
     * A rule's dry run for {@code caller}, who must be allowed to run it ({@code 403} otherwise):
     * its selection as a run builds it, narrowed to the records the caller may see (the count
     * too), and gone through chunk by chunk as a job goes ({@link #CHUNK}s read in id order, the
     * script asked with no connection held, its plans through the updater's checks), until the
     * selection ends or {@link #countBudget} runs out. The sample holds the records that would
     * change or fail first, then skipped ones while there is room. Nothing is written. The error
     * is the one a run would answer; values of fields hidden from the caller are left out, and so
     * is the script's log unless the caller may read the log of the rule's jobs.
     */
    public Preview previewRule(Principal caller, Rule rule, RuleRequest request) {
        JobService.requireMayRun(caller, rule);
        JobService.RuleSelection selection;
        try {
            selection = jobs.selectForRule(rule, JobService.runParams(rule, request.params()));
        } catch (ApiException e) {
            return new Preview(rule.module(), 0, e, List.of());
        }
        ApiException error = null;
        try {
            jobs.requireSchedulableRuleCount(selection.count());
            if (jobs.hasActiveJobFor(rule)) error = new ApiException(ErrorCode.ALREADY_SCHEDULED, activeJobDetails(rule));
        } catch (ApiException e) {
            error = e;
        }
        Module module = selection.module();
        JobService.RuleSelection seen = jobs.seenBy(selection, caller);
        Where where = seen.where();
        long of = seen.count();
        List<Preview.Sample> invalid = new ArrayList<>();
        List<String> notSelected = new ArrayList<>();
        if (request.ids() != null) {
            var asked = new LinkedHashSet<Long>();
            for (String id : request.ids()) {
                Ids.parse(id).ifPresentOrElse(asked::add,
                        () -> invalid.add(new Preview.Sample(id, RecordOutcome.Status.FAILED, ErrorCode.INVALID_ID.code(), "invalid id", List.of())));
            }
            where = Where.and(List.of(where, idIn(asked)));
            var inSelection = new java.util.HashSet<Long>(asked.isEmpty() ? List.of()
                    : records.select(module, where.sql(), where.params(), "id", 0, asked.size()).stream().map(RecordRow::id).toList());
            for (long id : asked) if (!inSelection.contains(id)) notSelected.add(String.valueOf(id));
            of = inSelection.size();
        }
        Walk walk = new Walk(request.sampleSize());
        String log;
        try (ScriptedPlanner planner = rulePlanners.open(rule, request.params(), RuleTrigger.MANUAL, selection.runAs(), module)) {
            long deadline = System.nanoTime() + countBudget.toNanos();
            long after = Long.MIN_VALUE;
            while (walk.counted < of) {
                Where next = Where.and(List.of(where, new Where("id > :preview_after", Map.of("preview_after", after))));
                List<Long> ids = records.select(module, next.sql(), next.params(), "id", 0, CHUNK).stream().map(RecordRow::id).toList();
                if (ids.isEmpty()) break;
                // the script decides with no connection held, as in a job; its plans then meet the same checks
                List<RecordRow> rows = db.withHandle(h -> records.findByIds(h, module, ids, false));
                ScriptPlans plans = new ScriptPlans(planner, selection.runAs(), module);
                plans.planAll(rows);
                Map<Long, RecordOutcome> outcomes = dryRun(selection.runAs(), module, ids, plans.applying(true, new ArrayList<>()));
                for (long id : ids) walk.add(seenBy(caller, module, sample(String.valueOf(id), outcomes.get(id))));
                after = ids.get(ids.size() - 1);
                if (System.nanoTime() - deadline >= 0) break;
            }
            log = mayReadLog(caller, selection.runAs()) ? planner.takeLog() : null;
        } catch (ChunkRunner.JobCannotRun e) {
            return new Preview(module.apiName(), of, new ApiException(ErrorCode.SCRIPT_ERROR, Map.of("rule", rule.id()), e.getMessage()), List.of());
        }
        // ids that are not ids first (they fail as a mass update by ids fails them), within the sample's size
        List<Preview.Sample> sample = new ArrayList<>(invalid);
        sample.addAll(walk.sample());
        if (sample.size() > request.sampleSize()) sample = sample.subList(0, request.sampleSize());
        return new Preview(module.apiName(), of, error, sample, walk.counted, walk.totals, log, notSelected);
    }

    /** Records a preview goes through at a time: a job's chunk. */
    static final int CHUNK = JobRepository.CHUNK_SIZE;

    /** As for a job's log: an administrator, or the user the rule runs as (a script may log any value it reads). */
    private static boolean mayReadLog(Principal caller, Principal runAs) {
        return caller.profile().administrator() || caller.user().id() == runAs.user().id();
    }

    private static Where idIn(java.util.Collection<Long> ids) {
        return Where.in("id", "preview_id", ids);
    }

    /**
     * The outcomes of a preview as it goes: every one counted, the first ones that would change
     * or fail kept, and skipped ones kept only while the sample has room for them.
     */
    private static final class Walk {
        private final int size;
        private final List<Preview.Sample> changing = new ArrayList<>();
        private final List<Preview.Sample> skipped = new ArrayList<>();
        private final Map<RecordOutcome.Status, Long> totals = new java.util.EnumMap<>(RecordOutcome.Status.class);
        private long counted;

        Walk(int size) {
            this.size = size;
        }

        void add(Preview.Sample s) {
            counted++;
            totals.merge(s.outcome(), 1L, Long::sum);
            if (s.outcome() != RecordOutcome.Status.SKIPPED) {
                if (changing.size() < size) changing.add(s);
            } else if (skipped.size() < size) {
                skipped.add(s);
            }
        }

        List<Preview.Sample> sample() {
            List<Preview.Sample> sample = new ArrayList<>(changing);
            for (Preview.Sample s : skipped) {
                if (sample.size() >= size) break;
                sample.add(s);
            }
            return sample;
        }
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
