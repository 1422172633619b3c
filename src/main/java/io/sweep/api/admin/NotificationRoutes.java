package io.sweep.api.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.sweep.api.JsonResponse;
import io.sweep.api.QueryParams;
import io.sweep.crm.Ids;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import io.sweep.json.Json;
import io.sweep.notify.Delivery;
import io.sweep.notify.Endpoint;
import io.sweep.notify.Notifications;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/notifications}: administrators register the endpoints told when a job ends, remove
 * them, and read what was sent to each. An endpoint's secret is in the answer that creates it only.
 */
final class NotificationRoutes {
    private static final int MAX_DELIVERIES = 200;

    private final AdminContext admin;
    private final Notifications notifications;

    NotificationRoutes(AdminContext admin, Notifications notifications) {
        this.admin = admin;
        this.notifications = notifications;
    }

    void list(Context ctx) {
        ObjectNode body = Json.object();
        var list = body.putArray("notifications");
        notifications.endpoints().forEach(e -> list.add(render(e)));
        JsonResponse.send(ctx, 200, body);
    }

    void create(Context ctx) {
        JsonNode body = AdminContext.bodyObject(ctx);
        var request = new Notifications.Request(AdminContext.requiredText(body, "url"), AdminContext.text(body, "description"),
                names(body, "rules"), names(body, "modules"), names(body, "statuses"));
        Notifications.Created created;
        try {
            created = notifications.create(request, admin.caller(ctx).user().id());
        } catch (Notifications.InvalidEndpoint e) {
            throw new ApiException(ErrorCode.INVALID_DATA, Map.of("param_name", e.field()), e.getMessage());
        }
        ObjectNode out = Json.object();
        out.put("secret", created.secret());
        out.setAll(render(created.endpoint()));
        JsonResponse.send(ctx, 201, out);
    }

    void delete(Context ctx) {
        long id = endpoint(ctx).id();
        notifications.delete(id);
        JsonResponse.send(ctx, 200, Json.object().put("status", "success"));
    }

    void deliveries(Context ctx) {
        Endpoint endpoint = endpoint(ctx);
        int limit = QueryParams.intParam(ctx, "per_page", 50, 1, MAX_DELIVERIES);
        ObjectNode body = Json.object();
        var list = body.putArray("deliveries");
        for (Delivery d : notifications.deliveries(endpoint.id(), limit)) {
            ObjectNode node = list.addObject();
            node.put("id", String.valueOf(d.id()));
            node.put("job_id", String.valueOf(d.jobId()));
            node.put("status", d.status().name());
            node.put("attempt_count", d.attemptCount());
            node.put("created_time", AdminContext.time(d.createdTime()));
            node.put("next_attempt_time", AdminContext.time(d.nextAttemptTime()));
            node.put("delivered_time", AdminContext.time(d.deliveredTime()));
            node.set("payload", Json.parseBody(d.payload()));
            var attempts = node.putArray("attempts");
            for (Delivery.Attempt a : d.attempts()) {
                ObjectNode an = attempts.addObject();
                an.put("number", a.number());
                an.put("time", AdminContext.time(a.time()));
                if (a.httpStatus() == null) an.putNull("http_status"); else an.put("http_status", a.httpStatus());
                an.put("response", a.response());
                an.put("node", a.node());
            }
        }
        JsonResponse.send(ctx, 200, body);
    }

    private Endpoint endpoint(Context ctx) {
        String id = ctx.pathParam("id");
        return Ids.parse(id).flatMap(notifications::endpoint)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, Map.of("id", id)));
    }

    /** An array of strings, or nothing (any); INVALID_DATA naming the member otherwise. */
    private static List<String> names(JsonNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) return List.of();
        if (!node.isArray()) throw new ApiException(ErrorCode.INVALID_DATA, Map.of("param_name", name), name + " must be an array of strings");
        List<String> names = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isTextual()) throw new ApiException(ErrorCode.INVALID_DATA, Map.of("param_name", name), name + " must be an array of strings");
            names.add(n.asText());
        }
        return names;
    }

    private static ObjectNode render(Endpoint e) {
        ObjectNode node = Json.object();
        node.put("id", String.valueOf(e.id()));
        node.put("url", e.url());
        node.put("description", e.description());
        ObjectNode filters = node.putObject("filters");
        e.rules().forEach(filters.putArray("rules")::add);
        e.modules().forEach(filters.putArray("modules")::add);
        var statuses = filters.putArray("statuses");
        Endpoint.FINAL.stream().filter(e.statuses()::contains).map(Enum::name).sorted().forEach(statuses::add);
        node.put("created_time", AdminContext.time(e.createdTime()));
        return node;
    }
}
