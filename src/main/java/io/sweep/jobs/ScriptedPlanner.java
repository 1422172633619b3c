package io.sweep.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.auth.Principal;
import io.sweep.crm.DataType;
import io.sweep.crm.Field;
import io.sweep.crm.Module;
import io.sweep.crm.RecordRow;
import io.sweep.crm.RecordTime;
import io.sweep.errors.ErrorCode;
import io.sweep.massupdate.MassUpdateValidator;
import io.sweep.massupdate.Plan;
import io.sweep.massupdate.RecordUpdater;
import io.sweep.rules.ScriptDecision;
import io.sweep.rules.RuleRun;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Plans each record of a rule job by asking the rule's {@code update}: what it returns goes
 * through the same checks as a mass update's values (mass-updatable fields, the field limit,
 * field edit permission, value types), per record, so a bad return fails that record only.
 */
final class ScriptedPlanner implements RecordUpdater.Planner, AutoCloseable {

    private final RuleRun run;
    private final Duration usedBefore;
    private final Principal principal;
    private final Module module;
    private final MassUpdateValidator validator;
    private final RelatedRecords related;
    private final Consumer<RuleRun> release;
    private boolean released;

    /**
     * @param related reads what the records' lookups point at
     * @param release what becomes of the run when the planner closes: closed, or kept for the job's next chunk
     */
    ScriptedPlanner(RuleRun run, Duration usedBefore, Principal principal, Module module, MassUpdateValidator validator,
                    RelatedRecords related, Consumer<RuleRun> release) {
        this.run = run;
        this.related = related;
        this.release = release;
        this.usedBefore = usedBefore;
        this.principal = principal;
        this.module = module;
        this.validator = validator;
    }

    @Override
    public Plan plan(RecordRow row) {
        return plan(run.update(asScriptRecord(row, relatedOf(List.of(row)))));
    }

    /**
     * How many records go to the script's thread in one hand-off: enough that the hand-offs cost
     * little next to the script, few enough that the records' copies held meanwhile stay small.
     */
    static final int HAND_OFF = 100;

    /** Plans for each row, in order; the script is asked about {@link #HAND_OFF} rows at a time (see {@link RuleRun#updateAll}). */
    List<Plan> planAll(List<RecordRow> rows) {
        List<Plan> plans = new ArrayList<>(rows.size());
        // what the rows' lookups point at, for all of them at once: one read per lookup field, whatever the rows' number
        RelatedRecords.Related relatedRows = relatedOf(rows);
        for (int from = 0; from < rows.size(); from += HAND_OFF) {
            List<Map<String, Object>> records = new ArrayList<>(HAND_OFF);
            for (RecordRow row : rows.subList(from, Math.min(rows.size(), from + HAND_OFF))) records.add(asScriptRecord(row, relatedRows));
            for (ScriptDecision outcome : run.updateAll(records)) plans.add(plan(outcome));
        }
        return plans;
    }

    private Plan plan(ScriptDecision outcome) {
        return switch (outcome) {
            case ScriptDecision.Skipped skipped -> new Plan.Skip("update returned no fields");
            case ScriptDecision.Failed failed -> new Plan.Fail(errorCode(failed.failure().code()), failed.message());
            case ScriptDecision.Fatal fatal -> throw new ChunkRunner.JobCannotRun(fatal.failure().code() + ": " + fatal.message());
            case ScriptDecision.Updated updated -> planValues(updated.values());
        };
    }

    private Plan planValues(Map<String, JsonNode> values) {
        // a rule states each field's whole value, so multi-select values replace those present
        return validator.planSetting(principal, module, values);
    }

    private static ErrorCode errorCode(String code) {
        return "INVALID_RETURN".equals(code) ? ErrorCode.INVALID_RETURN : ErrorCode.SCRIPT_ERROR;
    }

    /** The record as the script sees it: ids as strings, times as ISO-8601 with offset, multi-select as arrays. */
    private Map<String, Object> asScriptRecord(RecordRow row, RelatedRecords.Related relatedRows) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", String.valueOf(row.id()));
        for (Field f : module.fields()) {
            if (!principal.profile().maySeeField(f.id())) continue;
            Object value = row.value(f.apiName());
            boolean pointsAtRecordOrUser = f.dataType() == DataType.LOOKUP || f.dataType() == DataType.OWNERLOOKUP;
            record.put(f.apiName(), pointsAtRecordOrUser && value instanceof Long id ? relatedRows.valueOf(f, id) : scriptValue(f, value));
        }
        return record;
    }

    private RelatedRecords.Related relatedOf(List<RecordRow> rows) {
        return related.read(principal, module, run.rule().select(), rows);
    }

    /** A stored value as the script sees it; a reference is its {@code {id}} alone (lookups of the record itself get their names from {@link RelatedRecords}). */
    static Object scriptValue(Field f, Object value) {
        if (value == null) return f.dataType() == DataType.MULTISELECTPICKLIST ? List.of() : null;
        return switch (value) {
            case OffsetDateTime t -> RecordTime.format(t);
            case LocalDate d -> d.toString();
            case BigDecimal d -> d;
            case Long id when f.dataType().isReference() -> Map.of("id", String.valueOf(id));
            case Long n -> String.valueOf(n);
            default -> value;
        };
    }

    /** What the script logged since the planner opened. */
    String takeLog() {
        return run.takeLog();
    }

    /** Script time this part of the job spent (loading the rule included). */
    Duration scriptTimeHere() {
        return run.scriptTime().minus(usedBefore);
    }

    @Override
    public void close() {
        if (released) return;
        released = true;
        release.accept(run);
    }
}
