package io.sweep.api.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.sweep.api.JsonResponse;
import io.sweep.auth.Principal;
import io.sweep.auth.User;
import io.sweep.auth.UserRepository;
import io.sweep.crm.CustomView;
import io.sweep.crm.Ids;
import io.sweep.crm.Metadata;
import io.sweep.crm.Module;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import io.sweep.json.Json;
import io.sweep.records.ViewService;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/views}: the custom views a user may use, with the records each selects for them,
 * and creating, changing and deleting views. Tokens need {@code ZohoCRM.settings.custom_views.READ}
 * to look and {@code ….ALL} to change.
 */
final class ViewRoutes {
    private static final int MAX_NAME = 255;

    private final AdminContext admin;
    private final ViewService views;
    private final Metadata metadata;
    private final UserRepository users;

    ViewRoutes(AdminContext admin, ViewService views, Metadata metadata, UserRepository users) {
        this.admin = admin;
        this.views = views;
        this.metadata = metadata;
        this.users = users;
    }

    void list(Context ctx) {
        Principal p = reader(ctx);
        Module module = admin.moduleParam(ctx, false);
        List<CustomView> visible = views.visible(p, module);
        Map<Long, User> people = people(visible);
        ObjectNode body = Json.object();
        var list = body.putArray("views");
        visible.forEach(v -> list.add(render(p, v, people, true)));
        JsonResponse.send(ctx, 200, body);
    }

    void get(Context ctx) {
        Principal p = reader(ctx);
        CustomView view = views.visible(p, ctx.pathParam("id"));
        JsonResponse.send(ctx, 200, wrap(p, view));
    }

    void create(Context ctx) {
        Principal p = writer(ctx);
        JsonNode body = AdminContext.bodyObject(ctx);
        String moduleName = AdminContext.requiredText(body, "module");
        Module module = metadata.module(moduleName.trim())
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_MODULE, Map.of("param_name", "module")));
        CustomView view = views.create(p, module, draft(p, body, module));
        JsonResponse.send(ctx, 201, wrap(p, view));
    }

    void update(Context ctx) {
        Principal p = writer(ctx);
        CustomView view = views.visible(p, ctx.pathParam("id"));
        if (!views.editable(p, view)) throw new ApiException(ErrorCode.PERMISSION_DENIED, Map.of("id", String.valueOf(view.id())));
        JsonNode body = AdminContext.bodyObject(ctx);
        Module module = views.moduleOf(view);
        String moduleName = AdminContext.text(body, "module");
        if (moduleName != null && metadata.module(moduleName.trim()).map(Module::id).orElse(-1L) != module.id()) {
            throw new ApiException(ErrorCode.INVALID_DATA, Map.of("param_name", "module"), "a view's module cannot change");
        }
        JsonResponse.send(ctx, 200, wrap(p, views.update(p, view, draft(p, body, module))));
    }

    void delete(Context ctx) {
        Principal p = writer(ctx);
        views.delete(p, views.visible(p, ctx.pathParam("id")));
        JsonResponse.send(ctx, 200, Json.object().put("status", "success"));
    }

    /** The live count while criteria are being built: {@code {"module","criteria"}} → {@code {"record_count"}}. */
    void count(Context ctx) {
        Principal p = reader(ctx);
        JsonNode body = AdminContext.bodyObject(ctx);
        String moduleName = AdminContext.requiredText(body, "module");
        Module module = metadata.module(moduleName.trim())
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_MODULE, Map.of("param_name", "module")));
        JsonResponse.send(ctx, 200, Json.object().put("record_count", views.count(p, module, body.get("criteria"))));
    }

    private Principal reader(Context ctx) {
        return admin.caller(ctx);
    }

    private Principal writer(Context ctx) {
        return admin.caller(ctx);
    }

    private ViewService.Draft draft(Principal p, JsonNode body, Module module) {
        String name = AdminContext.requiredText(body, "name").trim();
        if (name.length() > MAX_NAME) throw new ApiException(ErrorCode.INVALID_DATA, Map.of("param_name", "name"), "name is longer than " + MAX_NAME + " characters");
        String criteria = views.criteriaJson(p, module, body.get("criteria"));
        JsonNode all = body.get("shared_with_all");
        if (all != null && !all.isNull() && !all.isBoolean()) {
            throw new ApiException(ErrorCode.INVALID_DATA, Map.of("param_name", "shared_with_all"), "shared_with_all must be true or false");
        }
        Set<Long> sharedWith = new LinkedHashSet<>();
        JsonNode shared = body.get("shared_with");
        if (shared != null && !shared.isNull()) {
            if (!shared.isArray()) throw new ApiException(ErrorCode.INVALID_DATA, Map.of("param_name", "shared_with"), "shared_with must be an array of user ids");
            for (JsonNode id : shared) {
                sharedWith.add(Ids.parse(id.asText()).filter(x -> id.isTextual() || id.isIntegralNumber())
                        .orElseThrow(() -> new ApiException(ErrorCode.INVALID_DATA, Map.of("param_name", "shared_with"),
                                "shared_with must be an array of user ids")));
            }
        }
        return new ViewService.Draft(name, criteria, all != null && all.asBoolean(), sharedWith);
    }

    private ObjectNode wrap(Principal p, CustomView view) {
        ObjectNode body = Json.object();
        body.set("view", render(p, view, people(List.of(view)), false));
        return body;
    }

    private Map<Long, User> people(List<CustomView> list) {
        Set<Long> ids = new HashSet<>();
        for (CustomView v : list) {
            if (v.ownerId() != null) ids.add(v.ownerId());
            ids.addAll(v.sharedWith());
        }
        return users.byIds(ids);
    }

    /** {@code listed}: for the views list, whose counts are kept briefly (see ViewService#listedCount). */
    private ObjectNode render(Principal p, CustomView v, Map<Long, User> people, boolean listed) {
        ObjectNode node = Json.object();
        node.put("id", String.valueOf(v.id()));
        node.put("name", v.name());
        node.put("module", views.moduleOf(v).apiName());
        node.set("criteria", v.criteriaJson() == null || v.criteriaJson().isBlank() ? null : Json.parseBody(v.criteriaJson()));
        User owner = v.ownerId() == null ? null : people.get(v.ownerId());
        if (owner == null) node.putNull("owner");
        else node.putObject("owner").put("id", String.valueOf(owner.id())).put("email", owner.email());
        node.put("system_defined", v.systemDefined());
        node.put("shared_with_all", v.sharedWithAll());
        var shared = node.putArray("shared_with");
        v.sharedWith().stream().sorted().map(people::get).filter(java.util.Objects::nonNull)
                .forEach(u -> shared.addObject().put("id", String.valueOf(u.id())).put("email", u.email()));
        Long count = listed ? views.listedCount(p, v) : views.count(p, v);
        if (count == null) node.putNull("record_count");
        else node.put("record_count", count);
        node.put("editable", views.editable(p, v));
        return node;
    }
}
