package io.sweep.api.zoho;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.sweep.api.ErrorRenderer;
import io.sweep.api.JsonResponse;
import io.sweep.api.QueryParams;
import io.sweep.crm.DataType;
import io.sweep.crm.Field;
import io.sweep.crm.Ids;
import io.sweep.crm.Module;
import io.sweep.crm.RecordRow;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import io.sweep.json.Json;
import io.sweep.records.RecordResult;
import io.sweep.records.RecordService;
import io.sweep.records.References;
import io.sweep.records.Selections;
import io.sweep.crm.Where;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /crm/v2/{module}} and {@code /crm/v2/{module}/{id}}: Zoho's records API. */
final class RecordRoutes {
    static final int MAX_PER_PAGE = 200;
    static final int MAX_IDS_PER_GET = 100;

    private final ZohoContext zoho;
    private final RecordService service;
    private final References references;
    private final Selections selections;
    private final WriteDetails writeDetails;

    RecordRoutes(ZohoContext zoho, RecordService service, References references, Selections selections, WriteDetails writeDetails) {
        this.zoho = zoho;
        this.service = service;
        this.references = references;
        this.selections = selections;
        this.writeDetails = writeDetails;
    }

    void list(Context ctx) {
        var call = zoho.call(ctx);
        List<Where> filters = new ArrayList<>();
        String ids = ctx.queryParam("ids");
        if (ids != null) filters.add(idsFilter(ids));
        String cvid = ctx.queryParam("cvid");
        if (cvid != null) filters.add(selections.view(call.principal(), call.module(), cvid));
        OffsetDateTime since = ifModifiedSince(ctx);
        if (since != null) filters.add(new Where("modified_time > :if_modified_since", Map.of("if_modified_since", since)));
        page(ctx, call, Where.and(filters));
        // Zoho: with If-Modified-Since, nothing modified since then is 304 Not Modified (not 204)
        if (since != null && ctx.status().getCode() == 204) ctx.status(304);
    }

    /** Zoho's If-Modified-Since takes an ISO date-time ({@code 2026-11-30T10:00:00+01:00}); an HTTP date is read too. */
    private static OffsetDateTime ifModifiedSince(Context ctx) {
        String header = ctx.header("If-Modified-Since");
        if (header == null || header.isBlank()) return null;
        try {
            return OffsetDateTime.parse(header.trim());
        } catch (DateTimeParseException notIso) {
            try {
                return OffsetDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
            } catch (DateTimeParseException notHttpDate) {
                throw new ApiException(ErrorCode.INVALID_DATA, Map.of("header_name", "If-Modified-Since"),
                        "If-Modified-Since must be a date-time such as 2026-11-30T10:00:00+01:00");
            }
        }
    }

    void search(Context ctx) {
        var call = zoho.call(ctx);
        String criteria = ctx.queryParam("criteria");
        String word = ctx.queryParam("word");
        if (criteria != null && !criteria.isBlank()) {
            page(ctx, call, selections.search(call.principal(), call.module(), criteria));
        } else if (word != null) {
            page(ctx, call, selections.word(call.principal(), call.module(), word));
        } else if (ctx.queryParam("email") != null) {
            page(ctx, call, selections.byType(call.principal(), call.module(), io.sweep.crm.DataType.EMAIL, "email", ctx.queryParam("email")));
        } else if (ctx.queryParam("phone") != null) {
            page(ctx, call, selections.byType(call.principal(), call.module(), io.sweep.crm.DataType.PHONE, "phone", ctx.queryParam("phone")));
        } else {
            throw new ApiException(ErrorCode.MANDATORY_PARAM_MISSING, Map.of("param_name", "criteria"));
        }
    }

    void get(Context ctx) {
        var call = zoho.call(ctx);
        String id = ctx.pathParam("id");
        long recordId = Ids.parse(id).orElseThrow(() -> new ApiException(ErrorCode.INVALID_ID, Map.of("id", id)));
        var page = service.list(call.principal(), call.module(), new Where("id = :record_id", Map.of("record_id", recordId)), null, false, 1, 1);
        if (page.rows().isEmpty()) {
            ctx.status(204);
            return;
        }
        ObjectNode body = Json.object();
        var refs = references.resolve(call.module(), page.rows());
        body.putArray("data").add(RecordJson.record(call.principal(), call.module(), page.rows().get(0), refs, null));
        JsonResponse.send(ctx, 200, body);
    }

    void insert(Context ctx) {
        var call = zoho.call(ctx);
        var results = service.insert(call.principal(), call.module(), data(ctx));
        respond(ctx, call.module(), results, "record added", 201);
    }

    void updateMany(Context ctx) {
        var call = zoho.call(ctx);
        respond(ctx, call.module(), service.update(call.principal(), call.module(), data(ctx), null), "record updated", 200);
    }

    void updateOne(Context ctx) {
        var call = zoho.call(ctx);
        respond(ctx, call.module(), service.update(call.principal(), call.module(), data(ctx), ctx.pathParam("id")), "record updated", 200);
    }

    void delete(Context ctx) {
        var call = zoho.call(ctx);
        String ids = ctx.queryParam("ids");
        if (ids == null || ids.isBlank()) throw new ApiException(ErrorCode.MANDATORY_PARAM_MISSING, Map.of("param_name", "ids"));
        List<String> list = Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (list.size() > MAX_IDS_PER_GET) throw new ApiException(ErrorCode.LIMIT_EXCEEDED, Map.of("limit", String.valueOf(MAX_IDS_PER_GET), "param_name", "ids"));
        respond(ctx, call.module(), service.delete(call.principal(), call.module(), list), "record deleted", 200);
    }

    void deleteOne(Context ctx) {
        var call = zoho.call(ctx);
        respond(ctx, call.module(), service.delete(call.principal(), call.module(), List.of(ctx.pathParam("id"))), "record deleted", 200);
    }

    private void page(Context ctx, ZohoContext.Call call, Where filter) {
        int page = QueryParams.intParam(ctx, "page", 1, 1, 100_000);
        int perPage = QueryParams.intParam(ctx, "per_page", MAX_PER_PAGE, 1, MAX_PER_PAGE);
        Module module = call.module();
        Field sortBy = null;
        String sortName = ctx.queryParam("sort_by");
        if (sortName != null && !sortName.isBlank() && !sortName.equals("id")) {
            // a field hidden from the caller sorts as an unknown one: its order would reveal its values
            sortBy = module.field(sortName).filter(f -> f.dataType() != DataType.MULTISELECTPICKLIST)
                    .filter(f -> call.principal().profile().maySeeField(f.id()))
                    .orElseThrow(() -> new ApiException(ErrorCode.INVALID_DATA, Map.of("param_name", "sort_by"), "invalid data"));
        }
        String order = ctx.queryParam("sort_order");
        if (order != null && !order.equalsIgnoreCase("asc") && !order.equalsIgnoreCase("desc")) {
            throw new ApiException(ErrorCode.INVALID_DATA, Map.of("param_name", "sort_order"));
        }
        Set<String> only = fieldsParam(ctx, call.principal(), module);
        if (RecordStates.selectNothing(ctx)) {
            ctx.status(204);
            return;
        }
        var result = service.list(call.principal(), module, filter, sortBy, "desc".equalsIgnoreCase(order), page, perPage);
        if (result.rows().isEmpty()) {
            ctx.status(204);
            return;
        }
        var refs = references.resolve(module, result.rows());
        ObjectNode body = Json.object();
        var data = body.putArray("data");
        for (RecordRow row : result.rows()) data.add(RecordJson.record(call.principal(), module, row, refs, only));
        ObjectNode info = body.putObject("info");
        info.put("per_page", perPage);
        info.put("count", result.rows().size());
        info.put("page", page);
        info.put("more_records", result.moreRecords());
        JsonResponse.send(ctx, 200, body);
    }

    private static Set<String> fieldsParam(Context ctx, io.sweep.auth.Principal p, Module module) {
        String fields = ctx.queryParam("fields");
        if (fields == null || fields.isBlank()) return null;
        Set<String> names = new LinkedHashSet<>();
        for (String name : fields.split(",")) {
            String n = name.trim();
            if (n.isEmpty() || n.equals("id")) continue;
            // a field hidden from the caller is as unknown as one that does not exist
            if (module.field(n).filter(f -> p.profile().maySeeField(f.id())).isEmpty()) {
                throw new ApiException(ErrorCode.INVALID_DATA, Map.of("api_name", n));
            }
            names.add(n);
        }
        return names;
    }

    private static Where idsFilter(String ids) {
        List<Long> parsed = new ArrayList<>();
        for (String id : ids.split(",")) {
            if (id.isBlank()) continue;
            parsed.add(Ids.parse(id.trim()).orElseThrow(() -> new ApiException(ErrorCode.INVALID_ID, Map.of("id", id.trim()))));
        }
        if (parsed.isEmpty()) throw new ApiException(ErrorCode.MANDATORY_PARAM_MISSING, Map.of("param_name", "ids"));
        if (parsed.size() > MAX_IDS_PER_GET) {
            throw new ApiException(ErrorCode.LIMIT_EXCEEDED, Map.of("limit", String.valueOf(MAX_IDS_PER_GET), "param_name", "ids"));
        }
        return Where.in("id", "id", parsed);
    }

    private static List<JsonNode> data(Context ctx) {
        JsonNode body = ZohoContext.body(ctx);
        if (!body.isObject()) throw new ApiException(ErrorCode.UNABLE_TO_PARSE_DATA_TYPE);
        JsonNode data = body.get("data");
        if (data == null || data.isNull()) throw new ApiException(ErrorCode.MANDATORY_NOT_FOUND, Map.of("api_name", "data"));
        if (!data.isArray()) throw new ApiException(ErrorCode.UNABLE_TO_PARSE_DATA_TYPE, Map.of("api_name", "data"));
        if (data.isEmpty()) throw new ApiException(ErrorCode.MANDATORY_NOT_FOUND, Map.of("api_name", "data"));
        if (data.size() > RecordService.MAX_RECORDS_PER_CALL) {
            throw new ApiException(ErrorCode.LIMIT_EXCEEDED, Map.of("limit", String.valueOf(RecordService.MAX_RECORDS_PER_CALL), "param_name", "data"));
        }
        List<JsonNode> list = new ArrayList<>();
        data.forEach(list::add);
        return list;
    }

    /** Zoho's per-record response; all succeeded → {@code okStatus}, some → 207, none → 400. */
    private void respond(Context ctx, Module module, List<RecordResult> results, String message, int okStatus) {
        Map<Long, ObjectNode> details = message.equals("record deleted") ? Map.of()
                : writeDetails.of(module, results.stream().filter(RecordResult::succeeded).map(RecordResult::id).toList());
        ObjectNode body = Json.object();
        var data = body.putArray("data");
        int ok = 0;
        for (RecordResult r : results) {
            if (r.succeeded()) {
                ok++;
                ObjectNode entry = data.addObject();
                entry.put("code", "SUCCESS");
                entry.set("details", details.getOrDefault(r.id(), WriteDetails.fallbackId().apply(r.id())));
                entry.put("message", message);
                entry.put("status", "success");
            } else {
                data.add(ErrorRenderer.entry(r.error(), r.details(), null));
            }
        }
        JsonResponse.send(ctx, ok == results.size() ? okStatus : ok > 0 ? 207 : 400, body);
    }
}
