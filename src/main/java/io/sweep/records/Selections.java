package io.sweep.records;

import io.sweep.auth.Principal;
import io.sweep.crm.CustomView;
import io.sweep.crm.CustomViewRepository;
import io.sweep.crm.Ids;
import io.sweep.crm.Module;
import io.sweep.crm.Where;
import io.sweep.crm.criteria.CriteriaException;
import io.sweep.crm.criteria.CriteriaSql;
import io.sweep.crm.criteria.SearchCriteriaParser;
import io.sweep.crm.criteria.ViewCriteriaJson;
import io.sweep.crm.Field;
import io.sweep.crm.criteria.Comparator;
import io.sweep.crm.criteria.Condition;
import io.sweep.crm.criteria.Criteria;
import io.sweep.crm.criteria.Group;
import io.sweep.crm.criteria.GroupOperator;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import io.sweep.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns what a client names a selection by — a custom view, a search string — into SQL. */
public final class Selections {
    /** Zoho answers a shorter search word with an error. */
    public static final int MIN_WORD_LENGTH = 2;

    private final CustomViewRepository views;
    private final RecordService records;

    public Selections(CustomViewRepository views, RecordService records) {
        this.views = views;
        this.records = records;
    }

    /** The view with this id, if the user may use it on this module (Zoho's 403 otherwise). */
    public CustomView accessibleView(Principal p, Module module, String cvid) {
        CustomView view = Ids.parse(cvid).flatMap(views::byId)
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_ID, Map.of("api_name", "cvid")));
        if (view.moduleId() != module.id() || !view.accessibleTo(p.user().id())) {
            throw new ApiException(ErrorCode.CUSTOMVIEW_NOT_ACCESSIBLE, Map.of("api_name", "cvid"));
        }
        return view;
    }

    public Where view(Principal p, Module module, String cvid) {
        return criteriaOf(module, accessibleView(p, module, cvid));
    }

    /**
     * The records of a view that this user may see: what a mass update by this cvid selects
     * (before a territory filter), and so what a view's record count counts.
     */
    public Where visibleInView(Principal p, Module module, CustomView view) {
        return Where.and(List.of(records.visibleTo(p, module), criteriaOf(module, view)));
    }

    /** The records matching criteria that this user may see, as {@link #visibleInView} for a view not saved yet. */
    public Where visibleMatching(Principal p, Module module, Criteria criteria) {
        var sql = CriteriaSql.compile(module, criteria, "cv");
        return Where.and(List.of(records.visibleTo(p, module), sql));
    }

    /**
     * Zoho's {@code word} search: records with the word in any text field the user may see
     * (case-insensitive, anywhere in the value).
     */
    public Where word(Principal p, Module module, String word) {
        String w = word == null ? "" : word.strip();
        if (w.length() < MIN_WORD_LENGTH) {
            throw new ApiException(ErrorCode.INVALID_QUERY, Map.of("param_name", "word",
                    "reason", "the word must have at least " + MIN_WORD_LENGTH + " characters"));
        }
        return anyVisibleField(p, module, f -> f.dataType().isTextual(), Comparator.CONTAINS, w, "w");
    }

    /**
     * Zoho's {@code email=} and {@code phone=} searches: records whose e-mail (or phone) fields,
     * any of those this user may see, equal the value.
     */
    public Where byType(Principal p, Module module, io.sweep.crm.DataType type, String param, String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) throw new ApiException(ErrorCode.INVALID_QUERY, Map.of("param_name", param, "reason", param + " is empty"));
        return anyVisibleField(p, module, f -> f.dataType() == type, Comparator.EQUAL, v, "t");
    }

    /** Records where any visible field of the kind, one the caller may see, compares to the value (none: no record). */
    private static Where anyVisibleField(Principal p, Module module, java.util.function.Predicate<Field> kind,
                                         Comparator comparator, String value, String alias) {
        List<Criteria> conditions = new ArrayList<>();
        for (Field f : module.fields()) {
            if (kind.test(f) && f.visible() && p.profile().maySeeField(f.id())) {
                conditions.add(new Condition(f, comparator, List.of(value)));
            }
        }
        if (conditions.isEmpty()) return new Where("1 = 0", Map.of());
        return CriteriaSql.compile(module, conditions.size() == 1 ? conditions.get(0) : new Group(GroupOperator.OR, conditions), alias);
    }

    /**
     * A stored view's criteria as SQL. Criteria stored before today's limits (or naming a field
     * since removed) answer a request-level error naming the view, as a bad cvid does, not a 500.
     */
    public static Where criteriaOf(Module module, CustomView view) {
        if (view.criteriaJson() == null || view.criteriaJson().isBlank()) return Where.ALL;
        Criteria criteria;
        try {
            criteria = ViewCriteriaJson.read(module, Json.parseBody(view.criteriaJson()));
        } catch (CriteriaException e) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("api_name", "cvid");
            details.put("cvid", String.valueOf(view.id()));
            throw criteriaError(e, ErrorCode.INVALID_DATA, details, "the view's criteria cannot be used: " + e.getMessage());
        }
        return CriteriaSql.compile(module, criteria, "cv");
    }

    /** Zoho's search string, e.g. {@code ((Last_Name:equals:Burns)and(Rating:equals:Active))}. */
    public Where search(Module module, String criteria) {
        return search(module, criteria, field -> true);
    }

    /** A search string as this user may write it: a field their profile hides is an unknown field. */
    public Where search(Principal p, Module module, String criteria) {
        return search(module, criteria, field -> p.profile().maySeeField(field.id()));
    }

    private Where search(Module module, String criteria, java.util.function.Predicate<Field> visible) {
        try {
            return CriteriaSql.compile(module, SearchCriteriaParser.parse(module, criteria, visible), "q");
        } catch (CriteriaException e) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("reason", e.getMessage());
            e.field().ifPresent(f -> details.put("api_name", f));
            throw criteriaError(e, ErrorCode.INVALID_QUERY, details, null);
        }
    }

    /**
     * The {@code criteria} of a mass update by cvid, which narrows the view's selection: a search
     * string, a view criteria object, or the Zoho SDK's array of conditions (all must hold). It is
     * validated as search and view criteria are, for this user (a hidden field is unknown); a
     * criteria that cannot be read is refused, never dropped, since dropping it would widen the write.
     */
    public Where narrowing(Principal p, Module module, com.fasterxml.jackson.databind.JsonNode criteria) {
        java.util.function.Predicate<Field> visible = field -> p.profile().maySeeField(field.id());
        Criteria parsed;
        try {
            parsed = criteria.isTextual()
                    ? SearchCriteriaParser.parse(module, criteria.asText(), visible)
                    : ViewCriteriaJson.read(module, criteria, visible);
        } catch (CriteriaException e) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("param_name", "criteria");
            e.path().ifPresent(path -> details.put("path", path));
            e.field().ifPresent(f -> details.put("api_name", f));
            throw criteriaError(e, criteria.isTextual() ? ErrorCode.INVALID_QUERY : ErrorCode.INVALID_DATA, details, e.getMessage());
        }
        return CriteriaSql.compile(module, parsed, "mc");
    }

    /**
     * The API error for criteria that cannot be accepted: {@code 400 LIMIT_EXCEEDED} naming the
     * bound when it is too large, else {@code code} with {@code details} and {@code message} (null: the code's own).
     */
    public static ApiException criteriaError(CriteriaException e, ErrorCode code, Map<String, Object> details, String message) {
        if (e.limit().isPresent()) {
            Map<String, Object> limit = new LinkedHashMap<>();
            limit.put("param_name", "criteria");
            limit.put("limit_name", e.limit().get().name());
            limit.put("limit", String.valueOf(e.limit().get().value()));
            return new ApiException(ErrorCode.LIMIT_EXCEEDED, limit, e.getMessage());
        }
        return new ApiException(code, details, message);
    }
}
