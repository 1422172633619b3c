package io.sweep.massupdate;

import io.sweep.crm.RecordTime;
import io.sweep.auth.Principal;
import io.sweep.crm.ActivityRepository;
import io.sweep.crm.Ids;
import io.sweep.crm.Module;
import io.sweep.db.Database;
import io.sweep.errors.ErrorCode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Runs mass updates: by ids now, in one transaction. */
public final class MassUpdateService {
    private final Database db;
    private final MassUpdateValidator validator;
    private final RecordUpdater updater;
    private final Clock clock;
    private final ActivityMassUpdate activityUpdate;

    public MassUpdateService(Database db, MassUpdateValidator validator, RecordUpdater updater, Clock clock) {
        this.db = db;
        this.validator = validator;
        this.updater = updater;
        this.clock = clock;
        this.activityUpdate = new ActivityMassUpdate(validator, updater, new ActivityRepository(db));
    }

    /** The result for one entry of the request's {@code ids}, in request order. */
    public record Entry(String requestedId, RecordOutcome outcome) {}

    /** An entry per requested id, and the {@code Modified_Time} the update stamped on every record it changed. */
    public record Result(List<Entry> entries, OffsetDateTime modifiedTime) {}

    /**
     * Validates the request, then applies it to every valid id in one transaction. Ids that are
     * not ids at all fail their own entry; a repeated id is updated once and reported each time.
     */
    public Result updateByIds(Principal principal, Module module, MassUpdateRequest request) {
        if (!request.byIds()) throw new IllegalArgumentException("a cvid mass update is a job: see JobService");
        MassUpdate update = validator.validate(principal, module, request.values(), request.overWrite());
        OffsetDateTime now = RecordTime.now(clock);
        return result(request.ids(), db.inTransaction(h -> updater.apply(h, update, distinctIds(request.ids()), now, WriteCause.MASS_UPDATE)), now);
    }

    /**
     * A mass update by ids over the Activities view ({@code activities}, spanning {@code parts}):
     * each id is updated through its own module's mass update, all in one transaction. By cvid it
     * is NOT_SUPPORTED.
     */
    public Result updateActivitiesByIds(Principal principal, Module activities, List<Module> parts, MassUpdateRequest request) {
        activityUpdate.validate(principal, activities, parts, request);
        OffsetDateTime now = RecordTime.now(clock);
        return result(request.ids(), db.inTransaction(h -> activityUpdate.apply(h, principal, parts, request, distinctIds(request.ids()), now)), now);
    }

    /** The ids that parse, each once, in request order (an id given twice is written once). */
    static List<Long> distinctIds(List<String> ids) {
        var distinct = new LinkedHashSet<Long>();
        for (String id : ids) Ids.parse(id).ifPresent(distinct::add);
        return List.copyOf(distinct);
    }

    /** One entry per requested id, in request order: its record's outcome, or INVALID_ID for an id that is none. */
    static Result result(List<String> ids, List<RecordOutcome> applied, OffsetDateTime now) {
        Map<Long, RecordOutcome> outcomes = applied.stream().collect(Collectors.toMap(RecordOutcome::id, Function.identity()));
        List<Entry> entries = new ArrayList<>(ids.size());
        for (String id : ids) {
            RecordOutcome outcome = Ids.parse(id).map(outcomes::get).orElse(RecordOutcome.failed(-1, ErrorCode.INVALID_ID));
            entries.add(new Entry(id, outcome));
        }
        return new Result(entries, now);
    }
}
