package io.sweep.massupdate;

import io.sweep.auth.ModulePermission;
import io.sweep.auth.Principal;
import io.sweep.crm.ActivityRepository;
import io.sweep.crm.Module;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * A mass update by ids over the Activities view. Each id is a task, a meeting or a call, and is
 * updated as a mass update of its own module would update it: that module's mass update
 * permission, its field (a field the view has but its module lacks fails the record), its field
 * edit permission, and the one write path's per-record checks. An id of no part fails its entry
 * as an id that does not exist.
 */
final class ActivityMassUpdate {
    private final MassUpdateValidator validator;
    private final RecordUpdater updater;
    private final ActivityRepository rows;

    ActivityMassUpdate(MassUpdateValidator validator, RecordUpdater updater, ActivityRepository rows) {
        this.validator = validator;
        this.updater = updater;
        this.rows = rows;
    }

    /** The request-level checks, before any record is read: the caller may mass update one part at least, and the body's values fit the view. */
    void validate(Principal principal, Module activities, List<Module> parts, MassUpdateRequest request) {
        if (!request.byIds()) {
            // a scheduled update needs a custom view of the module, and the view has none of its own
            throw new ApiException(ErrorCode.NOT_SUPPORTED, Map.of("param_name", "cvid"));
        }
        if (parts.stream().noneMatch(part -> principal.profile().module(part.id()).canMassUpdate())) {
            throw ModulePermission.denied("Mass_Update", activities);
        }
        validator.validateValues(activities, request.values());
    }

    /** One outcome per distinct id, in the caller's transaction. */
    List<RecordOutcome> apply(Handle h, Principal principal, List<Module> parts, MassUpdateRequest request, List<Long> ids, OffsetDateTime now) {
        Map<Long, Module> partOf = rows.partsOf(h, parts, ids);
        Map<Module, List<Long>> byPart = new LinkedHashMap<>();
        for (Module part : parts) byPart.put(part, new ArrayList<>());
        List<RecordOutcome> outcomes = new ArrayList<>();
        for (long id : ids) {
            Module part = partOf.get(id);
            if (part == null) outcomes.add(RecordOutcome.failed(id, ErrorCode.INVALID_ID));
            else byPart.get(part).add(id);
        }
        for (var entry : byPart.entrySet()) {
            if (entry.getValue().isEmpty()) continue;
            MassUpdate update;
            try {
                update = validator.validate(principal, entry.getKey(), request.values(), request.overWrite());
            } catch (ApiException refused) {
                // what refuses a whole mass update of that module refuses each of its records here
                for (long id : entry.getValue()) outcomes.add(RecordOutcome.failed(id, refused.error()));
                continue;
            }
            outcomes.addAll(updater.apply(h, update, entry.getValue(), now, WriteCause.MASS_UPDATE));
        }
        return outcomes;
    }
}
