package io.sweep.records;

import io.sweep.api.ApiException;
import io.sweep.api.ErrorCode;
import io.sweep.api.Json;
import io.sweep.auth.Principal;
import io.sweep.crm.CustomView;
import io.sweep.crm.CustomViewRepository;
import io.sweep.crm.Ids;
import io.sweep.crm.Module;
import io.sweep.crm.criteria.CriteriaException;
import io.sweep.crm.criteria.CriteriaSql;
import io.sweep.crm.criteria.SearchCriteriaParser;
import io.sweep.crm.criteria.ViewCriteriaJson;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns what a client names a selection by — a custom view, a search string — into SQL. */
public final class Selections {
    private final CustomViewRepository views;

    public Selections(CustomViewRepository views) {
        this.views = views;
    }

    /** The view with this id, if the user may use it on this module (Zoho's 403 otherwise). */
    public CustomView accessibleView(Principal p, Module module, String cvid) {
        CustomView view = Ids.parse(cvid).flatMap(views::byId)
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_DATA, Map.of("api_name", "cvid"), "invalid data"));
        if (view.moduleId() != module.id() || !view.accessibleTo(p.user().id())) {
            throw new ApiException(ErrorCode.CUSTOMVIEW_NOT_ACCESSIBLE, Map.of("api_name", "cvid"));
        }
        return view;
    }

    public Where view(Principal p, Module module, String cvid) {
        return criteriaOf(module, accessibleView(p, module, cvid));
    }

    public static Where criteriaOf(Module module, CustomView view) {
        if (view.criteriaJson() == null || view.criteriaJson().isBlank()) return Where.ALL;
        var criteria = ViewCriteriaJson.read(module, Json.parseBody(view.criteriaJson()));
        var sql = CriteriaSql.compile(module, criteria, "cv");
        return new Where(sql.sql(), sql.params());
    }

    /** Zoho's search string, e.g. {@code ((Last_Name:equals:Burns)and(Rating:equals:Active))}. */
    public Where search(Module module, String criteria) {
        try {
            var sql = CriteriaSql.compile(module, SearchCriteriaParser.parse(module, criteria), "q");
            return new Where(sql.sql(), sql.params());
        } catch (CriteriaException e) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("reason", e.getMessage());
            e.field().ifPresent(f -> details.put("api_name", f));
            throw new ApiException(ErrorCode.INVALID_QUERY, details);
        }
    }
}
