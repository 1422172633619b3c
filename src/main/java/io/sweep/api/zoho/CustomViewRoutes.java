package io.sweep.api.zoho;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.sweep.auth.Principal;
import io.sweep.crm.CustomView;
import io.sweep.crm.CustomViewRepository;
import io.sweep.crm.Ids;
import io.sweep.crm.Module;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import io.sweep.json.Json;
import java.util.List;
import java.util.Map;

/** {@code /crm/v2/settings/custom_views}: the views a user may use, in Zoho's shape. */
final class CustomViewRoutes {
    private final CustomViewRepository views;

    CustomViewRoutes(CustomViewRepository views) {
        this.views = views;
    }

    void list(Context ctx, Principal p, Module module) {
        List<CustomView> visible = views.forModule(module.id()).stream().filter(v -> v.accessibleTo(p.user().id())).toList();
        ObjectNode body = Json.object();
        var list = body.putArray("custom_views");
        visible.forEach(v -> list.add(render(v)));
        ObjectNode info = body.putObject("info");
        info.put("per_page", visible.size());
        info.put("count", visible.size());
        info.put("page", 1);
        info.put("more_records", false);
        ZohoContext.json(ctx, 200, body);
    }

    void one(Context ctx, Principal p, Module module, String id) {
        CustomView view = Ids.parse(id).flatMap(views::byId)
                .filter(v -> v.moduleId() == module.id())
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_DATA, Map.of("id", id), "the id given seems to be invalid"));
        if (!view.accessibleTo(p.user().id())) throw new ApiException(ErrorCode.CUSTOMVIEW_NOT_ACCESSIBLE);
        ObjectNode body = Json.object();
        body.putArray("custom_views").add(render(view));
        ZohoContext.json(ctx, 200, body);
    }

    static ObjectNode render(CustomView v) {
        ObjectNode node = Json.object();
        node.put("id", String.valueOf(v.id()));
        node.put("name", v.name());
        node.put("display_value", v.name());
        node.put("system_name", v.systemName());
        node.put("default", v.isDefault());
        node.put("system_defined", v.systemDefined());
        node.set("criteria", v.criteriaJson() == null ? null : Json.parseBody(v.criteriaJson()));
        var shared = node.putObject("shared_details");
        shared.put("all", v.sharedWithAll());
        var users = shared.putArray("users");
        v.sharedWith().stream().sorted().forEach(u -> users.add(String.valueOf(u)));
        return node;
    }
}
