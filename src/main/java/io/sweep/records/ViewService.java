package io.sweep.records;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.auth.Principal;
import io.sweep.auth.UserRepository;
import io.sweep.crm.CustomView;
import io.sweep.crm.CustomViewRepository;
import io.sweep.crm.Ids;
import io.sweep.crm.Metadata;
import io.sweep.crm.Module;
import io.sweep.crm.RecordRepository;
import io.sweep.crm.RecordTime;
import io.sweep.crm.Where;
import io.sweep.crm.criteria.Criteria;
import io.sweep.crm.criteria.CriteriaException;
import io.sweep.crm.criteria.ViewCriteriaJson;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Custom views as the admin UI manages them: the views a user may use with the number of
 * records each selects for them, and creating, changing and deleting their own. Counts go
 * through {@link Selections#visibleInView}, the selection a mass update by cvid makes, so a
 * view's count is what a mass update on it would select.
 */
public final class ViewService {
    private final CustomViewRepository views;
    private final Selections selections;
    private final RecordRepository records;
    private final Metadata metadata;
    private final UserRepository users;
    private final Clock clock;
    private final ViewCounts listedCounts;

    public ViewService(CustomViewRepository views, Selections selections, RecordRepository records, Metadata metadata, UserRepository users,
                       Clock clock) {
        this.views = views;
        this.selections = selections;
        this.records = records;
        this.metadata = metadata;
        this.users = users;
        this.clock = clock;
        this.listedCounts = new ViewCounts(clock);
    }

    /** What a user sends to create or change a view; the criteria already validated and in Zoho's shape (null: every record). */
    public record Draft(String name, String criteriaJson, boolean sharedWithAll, Set<Long> sharedWith) {}

    /** The views of the module (every module when null) the user may use, in the order Zoho lists them. */
    public List<CustomView> visible(Principal p, Module module) {
        List<Module> modules = module != null ? List.of(module) : metadata.modules();
        return modules.stream()
                .sorted(Comparator.comparingInt(Module::sequenceNumber))
                .flatMap(m -> views.forModule(m.id()).stream())
                .filter(v -> v.accessibleTo(p.user().id()))
                .toList();
    }

    /** The view with this id; unknown is 404, one the user may not use 403 "Customview not accessible". */
    public CustomView visible(Principal p, String id) {
        CustomView view = Ids.parse(id).flatMap(views::byId).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, Map.of("id", id)));
        if (!view.accessibleTo(p.user().id())) throw new ApiException(ErrorCode.CUSTOMVIEW_NOT_ACCESSIBLE, Map.of("id", id));
        return view;
    }

    /** A view's name for showing beside something that names its id (a job); empty for a view deleted since. */
    public java.util.Optional<String> name(long id) {
        return views.byId(id).map(CustomView::name);
    }

    public Module moduleOf(CustomView view) {
        return metadata.moduleById(view.moduleId()).orElseThrow(() -> new IllegalStateException("view " + view.id() + " has no module"));
    }

    /** How many records a mass update by this view would select for the user; null when their profile may not see the module. */
    public Long count(Principal p, CustomView view) {
        Module module = moduleOf(view);
        if (!p.profile().module(module.id()).canView()) return null;
        Where where = selections.visibleInView(p, module, view);
        return records.count(module, where.sql(), where.params());
    }

    /**
     * {@link #count(Principal, CustomView)} for the views list: kept for {@link ViewCounts#TTL}, and
     * null (shown as unknown) for a view whose count cannot be had — criteria beyond today's
     * limits, or a count that ran past the read timeout — so one costly view cannot make the list
     * of every user who may use it slow or fail.
     */
    public Long listedCount(Principal p, CustomView view) {
        return listedCounts.get(view.id(), p.user().id(), view.criteriaJson(), () -> {
            try {
                return count(p, view);
            } catch (ApiException | io.sweep.db.QueryTimeoutException e) {
                return null;
            }
        });
    }

    /** How many records the user may see match criteria not saved yet (null criteria: every record). */
    public long count(Principal p, Module module, JsonNode criteria) {
        Criteria parsed = criteria(p, module, criteria);
        Where where = parsed == null ? selections.visibleInView(p, module, unsaved(module)) : selections.visibleMatching(p, module, parsed);
        return records.count(module, where.sql(), where.params());
    }

    /**
     * The criteria in Zoho's shape as stored, or null for every record; invalid criteria (a field
     * hidden from the user included) are INVALID_DATA naming where, too large ones LIMIT_EXCEEDED.
     */
    public String criteriaJson(Principal p, Module module, JsonNode criteria) {
        Criteria parsed = criteria(p, module, criteria);
        return parsed == null ? null : ViewCriteriaJson.write(parsed).toString();
    }

    /** The owner may change their view, an administrator any view they can use; nobody a system view. */
    public boolean editable(Principal p, CustomView view) {
        if (view.systemDefined()) return false;
        return p.profile().administrator() || (view.ownerId() != null && view.ownerId() == p.user().id());
    }

    public CustomView create(Principal p, Module module, Draft draft) {
        requireUsers(draft.sharedWith());
        return views.insert(module.id(), draft.name(), draft.criteriaJson(), p.user().id(), draft.sharedWithAll(), draft.sharedWith(),
                RecordTime.now(clock));
    }

    public CustomView update(Principal p, CustomView view, Draft draft) {
        requireEditable(p, view);
        requireUsers(draft.sharedWith());
        return views.update(view.id(), draft.name(), draft.criteriaJson(), draft.sharedWithAll(), draft.sharedWith());
    }

    public void delete(Principal p, CustomView view) {
        requireEditable(p, view);
        try {
            views.delete(view.id());
        } catch (CustomViewRepository.ViewInUseException e) {
            throw new ApiException(ErrorCode.INVALID_DATA, Map.of("id", String.valueOf(view.id())),
                    "the view has a scheduled or running job; cancel it or wait for it to end");
        }
    }

    private void requireEditable(Principal p, CustomView view) {
        if (!editable(p, view)) throw new ApiException(ErrorCode.PERMISSION_DENIED, Map.of("id", String.valueOf(view.id())));
    }

    private void requireUsers(Set<Long> ids) {
        if (users.byIds(ids).size() != ids.size()) {
            throw new ApiException(ErrorCode.INVALID_DATA, Map.of("param_name", "shared_with"), "shared_with names a user that does not exist");
        }
    }

    private static Criteria criteria(Principal p, Module module, JsonNode criteria) {
        if (criteria == null || criteria.isNull() || criteria.isMissingNode()) return null;
        try {
            return ViewCriteriaJson.read(module, criteria, field -> p.profile().maySeeField(field.id()));
        } catch (CriteriaException e) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("param_name", "criteria");
            details.put("path", e.path().orElse(""));
            e.field().ifPresent(f -> details.put("api_name", f));
            throw Selections.criteriaError(e, ErrorCode.INVALID_DATA, details, e.getMessage());
        }
    }

    /** A view of every record of the module, for counting criteria that select everything. */
    private static CustomView unsaved(Module module) {
        return new CustomView(0, module.id(), "", null, false, false, null, null, false, Set.of());
    }
}
