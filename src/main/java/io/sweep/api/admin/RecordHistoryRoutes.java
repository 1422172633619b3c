package io.sweep.api.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.sweep.api.JsonResponse;
import io.sweep.api.QueryParams;
import io.sweep.auth.User;
import io.sweep.auth.UserRepository;
import io.sweep.crm.Ids;
import io.sweep.crm.Metadata;
import io.sweep.crm.Module;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import io.sweep.json.Json;
import io.sweep.records.RecordHistory;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/records/{module}/{id}/history}: a record's writes, newest first, a page at a
 * time, optionally of one field. A record the caller may not see answers 204, as its read does.
 */
final class RecordHistoryRoutes {
    static final int MAX_PER_PAGE = 200;
    /** How much of a rule's SHA-256 version a person needs to tell versions apart. */
    static final int SHORT_VERSION = 12;

    private final AdminContext admin;
    private final Metadata metadata;
    private final RecordHistory history;
    private final UserRepository users;

    RecordHistoryRoutes(AdminContext admin, Metadata metadata, RecordHistory history, UserRepository users) {
        this.admin = admin;
        this.metadata = metadata;
        this.history = history;
        this.users = users;
    }

    /** The stored module of the path (the Activities view has no records of its own: NOT_SUPPORTED). */
    Module pathModule(Context ctx) {
        Module module = metadata.moduleOrView(ctx.pathParam("module"))
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_MODULE, Map.of("resource_path_index", 0)));
        if (io.sweep.crm.Activities.is(module)) throw new ApiException(ErrorCode.NOT_SUPPORTED, Map.of("module", module.apiName()));
        return module;
    }

    void list(Context ctx) {
        var p = admin.caller(ctx);
        Module module = pathModule(ctx);
        String id = ctx.pathParam("id");
        long recordId = Ids.parse(id).orElseThrow(() -> new ApiException(ErrorCode.INVALID_ID, Map.of("id", id)));
        int page = QueryParams.intParam(ctx, "page", 1, 1, 100_000);
        int perPage = QueryParams.intParam(ctx, "per_page", MAX_PER_PAGE, 1, MAX_PER_PAGE);
        String field = ctx.queryParam("field");
        var found = history.of(p, module, recordId, field == null || field.isBlank() ? null : field.trim(), page, perPage);
        if (found.isEmpty()) {
            ctx.status(204);
            return;
        }
        Set<Long> userIds = new HashSet<>();
        for (var e : found.get().entries()) {
            userIds.add(e.runAs());
            if (e.startedBy() != null) userIds.add(e.startedBy());
        }
        Map<Long, User> byId = users.byIds(userIds);
        ObjectNode body = Json.object();
        body.put("module", module.apiName());
        body.put("id", String.valueOf(recordId));
        var list = body.putArray("history");
        for (var e : found.get().entries()) list.add(render(e, byId));
        ObjectNode info = body.putObject("info");
        info.put("per_page", perPage);
        info.put("count", found.get().entries().size());
        info.put("page", page);
        info.put("more_records", found.get().moreRecords());
        JsonResponse.send(ctx, 200, body);
    }

    private static ObjectNode render(RecordHistory.Entry e, Map<Long, User> byId) {
        ObjectNode node = Json.object();
        node.put("time", AdminContext.time(e.time()));
        node.put("version", e.versionAfter());
        node.put("trigger", e.trigger());
        node.put("action", e.action());
        node.put("job_id", e.jobId() == null ? null : String.valueOf(e.jobId()));
        node.put("undo_of", e.undoOf() == null ? null : String.valueOf(e.undoOf()));
        node.put("rule_id", e.ruleId());
        node.put("rule_version", e.ruleVersion());
        node.put("rule_version_short", e.ruleVersion() == null ? null : e.ruleVersion().substring(0, Math.min(SHORT_VERSION, e.ruleVersion().length())));
        if (e.startedBy() == null) {
            node.putNull("started_by");
        } else {
            node.set("started_by", user(e.startedBy(), byId));
        }
        node.set("run_as", user(e.runAs(), byId));
        var changes = node.putArray("changes");
        for (var c : e.changes()) {
            ObjectNode change = changes.addObject();
            change.put("field", c.field());
            change.set("old", c.before());
            change.set("new", c.after());
        }
        return node;
    }

    private static ObjectNode user(long id, Map<Long, User> byId) {
        User user = byId.get(id);
        ObjectNode node = Json.object();
        node.put("id", String.valueOf(id));
        node.put("name", user == null ? null : user.fullName());
        node.put("email", user == null ? null : user.email());
        return node;
    }
}
