package io.sweep.api.zoho;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.api.JsonResponse;
import io.sweep.auth.Principal;
import io.sweep.auth.User;
import io.sweep.auth.UserRepository;
import io.sweep.crm.CustomView;
import io.sweep.crm.CustomViewRepository;
import io.sweep.crm.Ids;
import io.sweep.crm.Module;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import io.sweep.json.Json;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /crm/v2/settings/custom_views}: the views a user may use, in Zoho's v2 shape: a
 * condition names its field by api_name as a string, {@code shared_details} lists the users a
 * view is shared with, {@code info} names the default view and the categories' labels.
 */
final class CustomViewRoutes {
    private static final Map<String, String> TRANSLATION = Map.of(
            "public_views", "Public Views",
            "other_users_views", "Other Users' Views",
            "shared_with_me", "Views shared with me",
            "created_by_me", "Created By Me");

    private final CustomViewRepository views;
    private final UserRepository users;

    CustomViewRoutes(CustomViewRepository views, UserRepository users) {
        this.views = views;
        this.users = users;
    }

    void list(Context ctx, Principal p, Module module) {
        List<CustomView> visible = views.forModule(module.id()).stream().filter(v -> v.accessibleTo(p.user().id())).toList();
        ObjectNode body = Json.object();
        var list = body.putArray("custom_views");
        Map<Long, User> people = people(visible);
        visible.forEach(v -> list.add(render(p, v, people)));
        ObjectNode info = body.putObject("info");
        info.put("per_page", visible.size());
        info.put("count", visible.size());
        info.put("page", 1);
        info.put("more_records", false);
        info.put("default", visible.stream().filter(CustomView::isDefault).findFirst().map(v -> String.valueOf(v.id())).orElse(null));
        info.set("translation", Json.MAPPER.valueToTree(new java.util.TreeMap<>(TRANSLATION)));
        JsonResponse.send(ctx, 200, body);
    }

    void one(Context ctx, Principal p, Module module, String id) {
        CustomView view = Ids.parse(id).flatMap(views::byId)
                .filter(v -> v.moduleId() == module.id())
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_DATA, Map.of("id", id), "the id given seems to be invalid"));
        if (!view.accessibleTo(p.user().id())) throw new ApiException(ErrorCode.CUSTOMVIEW_NOT_ACCESSIBLE);
        ObjectNode body = Json.object();
        body.putArray("custom_views").add(render(p, view, people(List.of(view))));
        JsonResponse.send(ctx, 200, body);
    }

    private Map<Long, User> people(List<CustomView> shown) {
        Set<Long> ids = new HashSet<>();
        shown.forEach(v -> ids.addAll(v.sharedWith()));
        return ids.isEmpty() ? Map.of() : users.byIds(ids);
    }

    private static ObjectNode render(Principal p, CustomView v, Map<Long, User> people) {
        ObjectNode node = Json.object();
        node.put("id", String.valueOf(v.id()));
        node.put("name", v.name());
        node.put("display_value", v.name());
        node.put("system_name", v.systemName());
        node.put("default", v.isDefault());
        node.put("system_defined", v.systemDefined());
        node.put("category", category(p, v));
        node.put("access_type", v.sharedWithAll() || v.ownerId() == null ? "public" : v.sharedWith().isEmpty() ? "only_to_me" : "shared");
        node.set("criteria", v.criteriaJson() == null ? null : fieldsByName(Json.parseBody(v.criteriaJson())));
        var shared = node.putArray("shared_details");
        v.sharedWith().stream().sorted().forEach(id -> {
            ObjectNode user = shared.addObject();
            user.put("id", String.valueOf(id));
            User u = people.get(id);
            user.put("name", u == null ? null : u.fullName());
            user.put("type", "user");
        });
        return node;
    }

    /** Zoho's categories: the caller's own views, those shared with them, and the public ones. */
    private static String category(Principal p, CustomView v) {
        if (v.ownerId() == null || v.sharedWithAll()) return "public_views";
        if (v.ownerId() == p.user().id()) return "created_by_me";
        return v.sharedWith().contains(p.user().id()) ? "shared_with_me" : "other_users_views";
    }

    /** v2 names a condition's field by its api_name, a string (later versions an object). */
    private static JsonNode fieldsByName(JsonNode criteria) {
        if (criteria instanceof ObjectNode object) {
            JsonNode field = object.get("field");
            if (field != null && field.has("api_name")) object.put("field", field.get("api_name").asText());
            JsonNode group = object.get("group");
            if (group != null) group.forEach(CustomViewRoutes::fieldsByName);
        }
        return criteria;
    }
}
