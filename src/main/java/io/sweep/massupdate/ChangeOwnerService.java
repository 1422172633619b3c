package io.sweep.massupdate;

import io.sweep.auth.ModulePermission;
import io.sweep.auth.Principal;
import io.sweep.auth.User;
import io.sweep.auth.UserRepository;
import io.sweep.crm.DataType;
import io.sweep.crm.Field;
import io.sweep.crm.Ids;
import io.sweep.crm.Metadata;
import io.sweep.crm.Module;
import io.sweep.crm.RecordRepository;
import io.sweep.crm.RecordTime;
import io.sweep.db.Database;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Zoho's change owner by ids: sets the Owner of up to 500 records, and of the activities linked
 * to them when asked, in one transaction. Owner cannot be mass updated, so this is its own
 * request, but its writes are plans like any other: {@link RecordUpdater} applies them with the
 * same per-record visibility, edit and blueprint checks, versions and Modified_By/Time.
 */
public final class ChangeOwnerService {
    /** The modules Zoho moves along with their parent record: tasks, meetings and calls. */
    static final Set<String> RELATED_MODULES = Set.of("Tasks", "Events", "Calls");

    private final Database db;
    private final Metadata metadata;
    private final UserRepository users;
    private final RecordRepository records;
    private final RecordUpdater updater;
    private final Clock clock;

    public ChangeOwnerService(Database db, Metadata metadata, UserRepository users, RecordRepository records, RecordUpdater updater, Clock clock) {
        this.db = db;
        this.metadata = metadata;
        this.users = users;
        this.records = records;
        this.updater = updater;
        this.clock = clock;
    }

    /** Records of a related module that follow their parent: their lookups to the parent's module, and one record when the request names it. */
    private record Following(Module module, Field owner, List<Field> lookups, Long onlyId) {}

    /** An entry per requested id, in request order, as a mass update by ids answers. */
    public MassUpdateService.Result changeOwner(Principal principal, Module module, ChangeOwnerRequest request) {
        // Sweep's profiles have no change owner permission of their own: changing the owner of
        // many records is a mass action of the module, so it asks for the mass update permission
        if (!principal.profile().module(module.id()).canMassUpdate()) throw ModulePermission.denied("Mass_Update", module);
        Field owner = ownerField(module);
        if (!principal.profile().mayEditField(owner.id())) {
            throw new ApiException(ErrorCode.FIELD_EDIT_PERMISSION, Map.of("api_name", owner.apiName()));
        }
        long newOwner = activeUser(request.ownerId());
        List<Following> following = request.relatedModules().stream().map(r -> following(module, r)).toList();

        OffsetDateTime now = RecordTime.now(clock);
        List<RecordOutcome> changed = db.inTransaction(h -> {
            List<RecordOutcome> outcomes = updater.apply(h, principal, module, MassUpdateService.distinctIds(request.ids()), setTo(owner, newOwner), now, WriteCause.CHANGE_OWNER);
            List<Long> parents = outcomes.stream().filter(RecordOutcome::updated).map(RecordOutcome::id).toList();
            for (Following f : following) moveAlong(h, principal, f, parents, newOwner, now);
            return outcomes;
        });
        return MassUpdateService.result(request.ids(), changed, now);
    }

    /**
     * The linked records of a related module get the new owner through the same write path, so a
     * record the caller may not see or edit stays with its owner (the answer is about the parents).
     */
    private void moveAlong(Handle h, Principal principal, Following f, List<Long> parents, long newOwner, OffsetDateTime now) {
        if (parents.isEmpty()) return;
        var linked = new LinkedHashSet<Long>();
        for (Field lookup : f.lookups()) linked.addAll(records.idsLinkedTo(h, f.module(), lookup, parents));
        if (f.onlyId() != null) linked.retainAll(Set.of(f.onlyId()));
        if (!linked.isEmpty()) updater.apply(h, principal, f.module(), List.copyOf(linked), setTo(f.owner(), newOwner), now, WriteCause.CHANGE_OWNER);
    }

    private static RecordUpdater.Planner setTo(Field owner, long userId) {
        Map<Field, Object> values = Map.of(owner, userId);
        return row -> new Plan.Set(values);
    }

    private static Field ownerField(Module module) {
        return module.field("Owner").filter(f -> f.dataType() == DataType.OWNERLOOKUP)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_SUPPORTED, Map.of("api_name", "Owner"), module.apiName() + " records have no owner"));
    }

    /** The new owner must be a user who can sign in: an unknown or deactivated user is invalid data. */
    private long activeUser(String ownerId) {
        ApiException invalid = new ApiException(ErrorCode.INVALID_DATA, Map.of("api_name", "owner", "id", ownerId),
                "the owner id given seems to be invalid");
        long id = Ids.parse(ownerId).orElseThrow(() -> invalid);
        User user = users.byIds(Set.of(id)).get(id);
        if (user == null || !user.active()) throw invalid;
        return id;
    }

    /**
     * A related module Zoho moves (Tasks, Events, Calls) that has a lookup to {@code parent} in
     * Sweep's metadata (Who_Id to Contacts); any other is refused rather than ignored, since a
     * client asking for it expects those records to change hands too.
     */
    private Following following(Module parent, ChangeOwnerRequest.RelatedModule related) {
        Module module = metadata.module(related.apiName()).filter(m -> RELATED_MODULES.contains(m.apiName()))
                .orElseThrow(() -> invalidRelated(related.apiName() + " is not a related module whose records change owner with their parent"));
        List<Field> lookups = module.fields().stream()
                .filter(f -> f.dataType() == DataType.LOOKUP && Long.valueOf(parent.id()).equals(f.lookupModuleId())).toList();
        if (lookups.isEmpty()) throw invalidRelated(module.apiName() + " records are not linked to " + parent.apiName() + " records in Sweep");
        Long onlyId = null;
        if (related.id() != null) onlyId = Ids.parse(related.id()).orElseThrow(() -> invalidRelated("the related record id given seems to be invalid"));
        return new Following(module, ownerField(module), lookups, onlyId);
    }

    private static ApiException invalidRelated(String message) {
        return new ApiException(ErrorCode.INVALID_DATA, Map.of("api_name", "related_modules"), message);
    }
}
