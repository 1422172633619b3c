package io.sweep.api.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.sweep.api.JsonResponse;
import io.sweep.api.QueryParams;
import io.sweep.audit.AuditEntry;
import io.sweep.audit.AuditFilter;
import io.sweep.audit.AuditKind;
import io.sweep.audit.AuditLog;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import io.sweep.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/audit}: the audit log, newest first, filtered by {@code actor}, {@code kind},
 * {@code since} and {@code until}, a page at a time, or every matching entry as CSV with
 * {@code ?format=csv}. Reading is all there is: entries are never changed or deleted.
 */
final class AuditRoutes {
    static final int MAX_PER_PAGE = 200;
    /** Entries read per query while a CSV download streams. */
    private static final int CSV_BATCH = 1000;
    private static final Set<String> FORMATS = Set.of("json", "csv", "xlsx");
    private static final List<String> CSV_HEADER = List.of("id", "time", "actor_id", "actor", "kind", "subject", "remote_address", "details");

    private final AuditLog audit;

    AuditRoutes(AuditLog audit) {
        this.audit = audit;
    }

    void list(Context ctx) {
        AuditFilter filter = filter(ctx);
        var table = Table.Format.of(AdminContext.choiceParam(ctx, "format", FORMATS));
        if (table.isPresent()) {
            download(ctx, filter, table.get());
            return;
        }
        int page = QueryParams.intParam(ctx, "page", 1, 1, 100_000);
        int perPage = QueryParams.intParam(ctx, "per_page", MAX_PER_PAGE, 1, MAX_PER_PAGE);
        List<AuditEntry> found = audit.find(filter, (page - 1) * perPage, perPage + 1);
        boolean more = found.size() > perPage;
        List<AuditEntry> shown = more ? found.subList(0, perPage) : found;
        ObjectNode body = Json.object();
        var list = body.putArray("entries");
        shown.forEach(e -> list.add(render(e)));
        ObjectNode info = body.putObject("info");
        info.put("per_page", perPage);
        info.put("count", shown.size());
        info.put("page", page);
        info.put("more_records", more);
        // what ?kind= accepts, so a client can offer them
        var kinds = body.putArray("kinds");
        Arrays.stream(AuditKind.values()).forEach(k -> kinds.add(k.wireName()));
        JsonResponse.send(ctx, 200, body);
    }

    private void download(Context ctx, AuditFilter filter, Table.Format format) {
        ctx.status(200).contentType(format.contentType())
                .header("Content-Disposition", "attachment; filename=\"sweep-audit." + format.extension() + "\"");
        try (Table t = format.open(ctx.outputStream(), "Audit", CSV_HEADER)) {
            // by pages, oldest rows last as on screen; entries written meanwhile only push rows further down (never lost, maybe repeated)
            for (int offset = 0; ; offset += CSV_BATCH) {
                List<AuditEntry> batch = audit.find(filter, offset, CSV_BATCH);
                for (AuditEntry e : batch) {
                    t.row(java.util.Arrays.asList(String.valueOf(e.id()), AdminContext.time(e.time()),
                            e.actorUserId() == null ? null : String.valueOf(e.actorUserId()), e.actorLabel(), e.kind(), e.subject(),
                            e.remoteAddress(), e.details()));
                }
                if (batch.size() < CSV_BATCH) break;
            }
        } catch (IOException | UncheckedIOException e) {
            // the client went away mid-download
        }
    }

    private static ObjectNode render(AuditEntry e) {
        ObjectNode node = Json.object();
        node.put("id", String.valueOf(e.id()));
        node.put("time", AdminContext.time(e.time()));
        ObjectNode actor = node.putObject("actor");
        actor.put("id", e.actorUserId() == null ? null : String.valueOf(e.actorUserId()));
        actor.put("label", e.actorLabel());
        node.put("kind", e.kind());
        node.put("subject", e.subject());
        node.set("details", e.details() == null ? Json.object() : Json.parseBody(e.details()));
        node.put("remote_address", e.remoteAddress());
        return node;
    }

    private static AuditFilter filter(Context ctx) {
        String actor = ctx.queryParam("actor");
        String kindName = ctx.queryParam("kind");
        AuditKind kind = null;
        if (kindName != null && !kindName.isBlank()) {
            kind = AuditKind.fromWireName(kindName.trim()).orElseThrow(() -> new ApiException(ErrorCode.INVALID_DATA,
                    Map.of("param_name", "kind", "allowed", Arrays.stream(AuditKind.values()).map(AuditKind::wireName).toList()),
                    "invalid value for kind"));
        }
        return new AuditFilter(actor == null || actor.isBlank() ? null : actor.trim(), kind, time(ctx, "since"), time(ctx, "until"));
    }

    /** A date-time with offset, or a date (its start, UTC); null when absent, INVALID_DATA naming the parameter otherwise. */
    private static OffsetDateTime time(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) return null;
        // an unencoded '+' of an offset arrives as a space
        text = text.trim().replace(' ', '+');
        try {
            return text.contains("T") ? OffsetDateTime.parse(text) : LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new ApiException(ErrorCode.INVALID_DATA, Map.of("param_name", name), name + " is not a date (2026-11-29) or a date-time with offset");
        }
    }
}
