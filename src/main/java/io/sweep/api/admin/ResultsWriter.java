package io.sweep.api.admin;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.jobs.FieldChange;
import io.sweep.jobs.JobResult;
import io.sweep.jobs.UndoConflict;
import io.sweep.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Writes a job's per-record results as they are read, one row at a time, straight to the
 * response: {@code {"results":[…],"results_purged_at":…}} or CSV with the header
 * {@code id,status,code,message,changes,conflict} (the last names the later change that made an
 * undo leave the record alone). {@code results_purged_at} says why a job that ran has no rows: the
 * history retention removed them (null while they are kept).
 */
final class ResultsWriter {
    static final List<String> CSV_HEADER = List.of("id", "status", "code", "message", "changes", "conflict");

    private ResultsWriter() {}

    /** {@code source} hands every row to the consumer it is given. */
    static void json(OutputStream out, String purgedAt, Consumer<Consumer<JobResult>> source) throws IOException {
        try (JsonGenerator g = Json.MAPPER.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("results");
            source.accept(row -> unchecked(() -> writeJson(g, row)));
            g.writeEndArray();
            g.writeStringField("results_purged_at", purgedAt);
            g.writeEndObject();
        }
    }

    /** One page: {@code {"results":[…],"info":{"page","per_page","count","more_records"},"results_purged_at":…}}. */
    static void jsonPage(OutputStream out, List<JobResult> rows, int page, int perPage, boolean more, String purgedAt) throws IOException {
        try (JsonGenerator g = Json.MAPPER.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("results");
            for (JobResult row : rows) writeJson(g, row);
            g.writeEndArray();
            g.writeObjectFieldStart("info");
            g.writeNumberField("page", page);
            g.writeNumberField("per_page", perPage);
            g.writeNumberField("count", rows.size());
            g.writeBooleanField("more_records", more);
            g.writeEndObject();
            g.writeStringField("results_purged_at", purgedAt);
            g.writeEndObject();
        }
    }

    /** The rows as a table download (CSV or a spreadsheet), header first. */
    static void table(OutputStream out, Table.Format format, Consumer<Consumer<JobResult>> source) throws IOException {
        try (Table t = format.open(out, "Results", CSV_HEADER)) {
            source.accept(row -> unchecked(() -> {
                List<FieldChange> changes = FieldChange.of(row.beforeValues(), row.afterValues());
                t.row(java.util.Arrays.asList(
                        String.valueOf(row.recordId()), status(row), row.code(), row.message(), summary(changes),
                        UndoConflict.describe(row.conflict())));
            }));
        }
    }

    private static void writeJson(JsonGenerator g, JobResult row) throws IOException {
        List<FieldChange> changes = FieldChange.of(row.beforeValues(), row.afterValues());
        g.writeStartObject();
        g.writeStringField("id", String.valueOf(row.recordId()));
        g.writeStringField("status", status(row));
        g.writeStringField("code", row.code());
        g.writeStringField("message", row.message());
        g.writeStringField("summary", changes.isEmpty() ? null : summary(changes));
        g.writeArrayFieldStart("changes");
        for (FieldChange c : changes) {
            g.writeStartObject();
            g.writeStringField("field", c.field());
            g.writeFieldName("old");
            g.writeTree(c.oldValue());
            g.writeFieldName("new");
            g.writeTree(c.newValue());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName("conflict");
        if (row.conflict() == null) {
            g.writeNull();
        } else {
            g.writeTree(Json.parseBody(row.conflict()));
        }
        g.writeEndObject();
    }

    private static String status(JobResult row) {
        return row.status().toLowerCase(Locale.ROOT);
    }

    /** {@code field: old → new}, several joined with {@code ; }. */
    static String summary(List<FieldChange> changes) {
        return changes.stream().map(c -> c.field() + ": " + text(c.oldValue()) + " → " + text(c.newValue()))
                .collect(Collectors.joining("; "));
    }

    /** Text as it is, anything else (null, numbers, booleans, arrays) as JSON. */
    private static String text(JsonNode value) {
        return value.isTextual() ? value.textValue() : value.toString();
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    private static void unchecked(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
