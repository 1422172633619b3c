package io.sweep.api.zoho;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.sweep.api.JsonResponse;
import io.sweep.crm.RecordTime;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import io.sweep.json.Json;
import io.sweep.api.QueryParams;
import io.sweep.auth.Principal;
import io.sweep.auth.UserRepository;
import io.sweep.auth.UserRepository.Directory;
import io.sweep.crm.Ids;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * {@code /crm/v2/users} and {@code /crm/v2/settings/territories}: the CRM's users and territories
 * in Zoho's v2 shape, as clients read them to find an owner, the current user or a territory id
 * before a mass update. Read only: users are managed through Sweep's own {@code /api/users}.
 */
final class UserDirectoryRoutes {
    private static final int MAX_PER_PAGE = 200;
    /** Zoho's {@code type} values; Sweep has no invitations, so every user is confirmed. */
    private static final Map<String, BiPredicate<Directory, Principal>> TYPES = Map.of(
            "AllUsers", (u, p) -> true,
            "ActiveUsers", (u, p) -> u.user().active(),
            "DeactiveUsers", (u, p) -> !u.user().active(),
            "ConfirmedUsers", (u, p) -> true,
            "NotConfirmedUsers", (u, p) -> false,
            "DeletedUsers", (u, p) -> false,
            "ActiveConfirmedUsers", (u, p) -> u.user().active(),
            "AdminUsers", (u, p) -> u.administrator(),
            "ActiveConfirmedAdmins", (u, p) -> u.administrator() && u.user().active(),
            "CurrentUser", (u, p) -> u.user().id() == p.user().id());

    private final ZohoContext zoho;
    private final UserRepository users;

    UserDirectoryRoutes(ZohoContext zoho, UserRepository users) {
        this.zoho = zoho;
        this.users = users;
    }

    void list(Context ctx) {
        Principal caller = zoho.principal(ctx);
        String type = ctx.queryParam("type") == null ? "AllUsers" : ctx.queryParam("type");
        var filter = TYPES.get(type);
        if (filter == null) {
            throw new ApiException(ErrorCode.INVALID_DATA, Map.of("param_name", "type", "allowed", TYPES.keySet().stream().sorted().toList()));
        }
        int page = QueryParams.intParam(ctx, "page", 1, 1, 1_000_000);
        int perPage = QueryParams.intParam(ctx, "per_page", MAX_PER_PAGE, 1, MAX_PER_PAGE);
        List<Directory> matching = users.directory(null).stream().filter(u -> filter.test(u, caller)).toList();
        int from = (int) Math.min((long) (page - 1) * perPage, matching.size());
        List<Directory> shown = matching.subList(from, Math.min(from + perPage, matching.size()));
        if (shown.isEmpty()) {
            ctx.status(204);
            return;
        }
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("users");
        shown.forEach(u -> list.add(json(u)));
        ObjectNode info = body.putObject("info");
        info.put("per_page", perPage);
        info.put("count", shown.size());
        info.put("page", page);
        info.put("more_records", from + shown.size() < matching.size());
        JsonResponse.send(ctx, 200, body);
    }

    void one(Context ctx) {
        zoho.principal(ctx);
        String id = ctx.pathParam("id");
        long userId = Ids.parse(id).orElseThrow(() -> new ApiException(ErrorCode.INVALID_ID, Map.of("id", id)));
        List<Directory> found = users.directory(userId);
        if (found.isEmpty()) throw new ApiException(ErrorCode.INVALID_ID, Map.of("id", id));
        ObjectNode body = Json.object();
        body.putArray("users").add(json(found.get(0)));
        JsonResponse.send(ctx, 200, body);
    }

    void territories(Context ctx) {
        zoho.principal(ctx);
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("territories");
        for (var t : users.territories()) {
            ObjectNode node = list.addObject();
            node.put("id", String.valueOf(t.id()));
            node.put("name", t.name());
            node.put("parent_id", t.parentId() == null ? null : String.valueOf(t.parentId()));
        }
        JsonResponse.send(ctx, 200, body);
    }

    private static ObjectNode json(Directory d) {
        ObjectNode node = Json.object();
        String fullName = d.user().fullName();
        int space = fullName.lastIndexOf(' ');
        node.put("id", String.valueOf(d.user().id()));
        node.put("full_name", fullName);
        if (space > 0) node.put("first_name", fullName.substring(0, space));
        else node.putNull("first_name");
        node.put("last_name", space > 0 ? fullName.substring(space + 1) : fullName);
        node.put("email", d.user().email());
        node.put("status", d.user().active() ? "active" : "disabled");
        node.put("confirm", true);
        ObjectNode profile = node.putObject("profile");
        profile.put("name", d.profile().name());
        profile.put("id", String.valueOf(d.profile().id()));
        var territories = node.putArray("territories");
        d.territories().forEach(t -> territories.addObject().put("id", String.valueOf(t.id())).put("name", t.name()));
        node.put("created_time", RecordTime.format(d.createdTime()));
        return node;
    }
}
