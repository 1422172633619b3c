package io.sweep.jobs;

import io.sweep.auth.Principal;
import io.sweep.auth.RecordAccess;
import io.sweep.crm.Module;
import io.sweep.crm.RecordRow;
import io.sweep.errors.ErrorCode;
import io.sweep.massupdate.Plan;
import io.sweep.massupdate.RecordUpdater;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule chunk's plans, made by its script before the chunk's transaction, so that no script runs
 * while a transaction or a row lock is held (one slow {@code update} would otherwise hold H2's one
 * writer, or PostgreSQL's row locks, for as long as it runs). Inside the transaction a plan is
 * applied only to the version of the record the script saw; a record changed in between is stale:
 * the script is asked again about its current row, and on the last attempt it fails with CONFLICT.
 */
final class ScriptPlans {
    private record Planned(int version, Plan plan) {}

    private final ScriptedPlanner script;
    private final Principal principal;
    private final Module module;
    private final Map<Long, Planned> plans = new HashMap<>();

    ScriptPlans(ScriptedPlanner script, Principal principal, Module module) {
        this.script = script;
        this.principal = principal;
        this.module = module;
    }

    /** Asks the script about each row; rows the job's user may not edit are left to the updater's checks, unseen by the script. */
    void planAll(Collection<RecordRow> rows) {
        List<RecordRow> editable = rows.stream().filter(row -> RecordAccess.mayEdit(principal, module, row)).toList();
        List<Plan> planned = script.planAll(editable);
        for (int i = 0; i < editable.size(); i++) {
            RecordRow row = editable.get(i);
            plans.put(row.id(), new Planned(row.version(), planned.get(i)));
        }
    }

    /**
     * The plans as the transaction applies them, given each locked, current row. A row at another
     * version than the script saw is added to {@code stale} (the transaction is then rolled back and
     * the script asked again), or failed with CONFLICT when {@code lastAttempt}.
     */
    RecordUpdater.Planner applying(boolean lastAttempt, List<RecordRow> stale) {
        return row -> {
            Planned planned = plans.get(row.id());
            if (planned != null && planned.version() == row.version()) return planned.plan();
            if (lastAttempt) return new Plan.Fail(ErrorCode.CONFLICT, "changed by someone else while the rule decided about it; left as it is");
            stale.add(row);
            // a stand-in: the chunk's transaction is rolled back before anything of it is kept
            return new Plan.Skip("changed while the rule ran");
        };
    }
}
