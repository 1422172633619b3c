package io.sweep.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sweep.App;
import io.sweep.db.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A selection of exactly {@code n} leads made for one test, straight in the database: the
 * lowest {@code n} ids get a marker in {@value #MARKER_FIELD}, and a custom view selects that
 * marker. The state of every lead (version and {@value #JOB_FIELD}) is recorded before the
 * job, so the checks can prove each selected lead was updated exactly once and nothing else
 * was touched.
 */
final class MarkedLeads {
    static final String MARKER_FIELD = "Skype_ID";
    /** The field the jobs set: free text, mass-updatable, driven by no blueprint. */
    static final String JOB_FIELD = "Twitter";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Lead(int version, String value) {}

    private final String table;
    private final String jobColumn;
    private final long viewId;
    private final Map<Long, Lead> selected;
    private final Map<Long, Lead> others;

    private MarkedLeads(String table, String jobColumn, long viewId, Map<Long, Lead> selected, Map<Long, Lead> others) {
        this.table = table;
        this.jobColumn = jobColumn;
        this.viewId = viewId;
        this.selected = selected;
        this.others = others;
    }

    static MarkedLeads mark(Database db, String marker, int n) {
        return db.inTransaction(h -> {
            String table = h.createQuery("SELECT table_name FROM modules WHERE api_name = 'Leads'").mapTo(String.class).one();
            long moduleId = h.createQuery("SELECT id FROM modules WHERE api_name = 'Leads'").mapTo(Long.class).one();
            String markerColumn = column(h, MARKER_FIELD);
            String jobColumn = column(h, JOB_FIELD);
            long leads = h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one();
            assertThat(leads).as("demo leads").isGreaterThan(n);
            long cutoff = h.createQuery("SELECT id FROM " + table + " ORDER BY id LIMIT 1 OFFSET :skip")
                    .bind("skip", n - 1).mapTo(Long.class).one();
            h.createUpdate("UPDATE " + table + " SET " + markerColumn + " = :marker WHERE id <= :cutoff")
                    .bind("marker", marker).bind("cutoff", cutoff).execute();
            h.createUpdate("UPDATE " + table + " SET " + markerColumn + " = NULL WHERE id > :cutoff AND " + markerColumn + " = :marker")
                    .bind("marker", marker).bind("cutoff", cutoff).execute();
            long adminId = h.createQuery("SELECT id FROM users WHERE email = :email").bind("email", App.ADMIN_EMAIL)
                    .mapTo(Long.class).one();
            long viewId = db.nextId(h);
            h.createUpdate("""
                            INSERT INTO custom_views (id, module_id, name, criteria, owner_id, shared_with_all, created_time)
                            VALUES (:id, :module, :name, :criteria, :owner, TRUE, CURRENT_TIMESTAMP)""")
                    .bind("id", viewId).bind("module", moduleId).bind("name", "Marked " + marker).bind("owner", adminId)
                    .bind("criteria", JSON.createObjectNode().put("comparator", "equal").put("value", marker)
                            .set("field", JSON.createObjectNode().put("api_name", MARKER_FIELD)).toString())
                    .execute();
            Map<Long, Lead> selected = new HashMap<>();
            Map<Long, Lead> others = new HashMap<>();
            h.createQuery("SELECT id, version, " + jobColumn + " AS v FROM " + table)
                    .map((rs, ctx) -> {
                        long id = rs.getLong("id");
                        (id <= cutoff ? selected : others).put(id, new Lead(rs.getInt("version"), rs.getString("v")));
                        return id;
                    })
                    .list();
            assertThat(selected).hasSize(n);
            return new MarkedLeads(table, jobColumn, viewId, selected, others);
        });
    }

    private static String column(org.jdbi.v3.core.Handle h, String field) {
        return h.createQuery("""
                        SELECT f.column_name FROM fields f JOIN modules m ON m.id = f.module_id
                        WHERE m.api_name = 'Leads' AND f.api_name = :field""")
                .bind("field", field).mapTo(String.class).one();
    }

    String viewId() {
        return String.valueOf(viewId);
    }

    int size() {
        return selected.size();
    }

    /**
     * The job updated every selected lead exactly once and no other: each selected lead is at
     * its old version + 1 with the new value, every other lead is untouched; one UPDATED result
     * per lead with the old value as its before-value; exact counts; every chunk DONE once and
     * no execution left behind.
     */
    void assertUpdatedExactlyOnce(Database db, long jobId, String newValue) {
        var now = current(db);
        List<String> wrong = new ArrayList<>();
        selected.forEach((id, before) -> {
            Lead after = now.get(id);
            if (after == null || after.version() != before.version() + 1 || !newValue.equals(after.value())) {
                wrong.add(id + ": " + before + " -> " + after);
            }
        });
        others.forEach((id, before) -> {
            if (!before.equals(now.get(id))) wrong.add("unselected " + id + ": " + before + " -> " + now.get(id));
        });
        none("leads not updated exactly once", wrong);

        List<String> results = new ArrayList<>();
        Map<Long, Integer> resultRows = new HashMap<>();
        db.useHandle(h -> h.createQuery(
                        "SELECT record_id, status, before_values, after_values, version_after FROM job_records WHERE job_id = :job")
                .bind("job", jobId)
                .map((rs, ctx) -> {
                    long id = rs.getLong("record_id");
                    resultRows.merge(id, 1, Integer::sum);
                    Lead before = selected.get(id);
                    String status = rs.getString("status");
                    Map<String, String> beforeValues = values(rs.getString("before_values"));
                    Map<String, String> afterValues = values(rs.getString("after_values"));
                    Map<String, String> expectedBefore = new LinkedHashMap<>();
                    expectedBefore.put(JOB_FIELD, before == null ? null : before.value());
                    if (before == null || !"UPDATED".equals(status) || !expectedBefore.equals(beforeValues)
                            || !Map.of(JOB_FIELD, newValue).equals(afterValues)
                            || rs.getInt("version_after") != before.version() + 1) {
                        results.add(id + ": " + status + " before " + beforeValues + " after " + afterValues
                                + " version_after " + rs.getInt("version_after") + ", expected " + before);
                    }
                    return id;
                })
                .list());
        none("wrong job_records rows", results);
        assertThat(resultRows.keySet()).as("one job_records row per selected lead").isEqualTo(selected.keySet());
        assertThat(resultRows.values()).allMatch(c -> c == 1);

        var job = db.withHandle(h -> h.createQuery(
                        "SELECT status, total_count, updated_count, failed_count, chunk_count, chunks_done FROM jobs WHERE id = :id")
                .bind("id", jobId).mapToMap().one());
        assertThat(job.get("status")).isEqualTo("COMPLETED");
        assertThat(((Number) job.get("total_count")).intValue()).isEqualTo(selected.size());
        assertThat(((Number) job.get("updated_count")).intValue()).isEqualTo(selected.size());
        assertThat(((Number) job.get("failed_count")).intValue()).isZero();
        int chunks = (selected.size() + JobRepository.CHUNK_SIZE - 1) / JobRepository.CHUNK_SIZE;
        assertThat(((Number) job.get("chunk_count")).intValue()).isEqualTo(chunks);
        assertThat(((Number) job.get("chunks_done")).intValue()).as("each chunk counted once").isEqualTo(chunks);
        assertThat(chunkStatuses(db, jobId)).as("chunks by status").isEqualTo(Map.of("DONE", chunks));
        assertThat(leftoverExecutions(db, jobId)).as("chunk executions left in scheduled_tasks").isZero();
    }

    /** The undo put every old value back: each selected lead is at its old version + 2 with its old value. */
    void assertRestored(Database db, long undoJobId) {
        var now = current(db);
        List<String> wrong = new ArrayList<>();
        selected.forEach((id, before) -> {
            Lead after = now.get(id);
            if (after == null || after.version() != before.version() + 2 || !Objects.equals(before.value(), after.value())) {
                wrong.add(id + ": " + before + " -> " + after);
            }
        });
        others.forEach((id, before) -> {
            if (!before.equals(now.get(id))) wrong.add("unselected " + id + ": " + before + " -> " + now.get(id));
        });
        none("leads not restored", wrong);
        var job = db.withHandle(h -> h.createQuery("SELECT status, total_count, updated_count, failed_count FROM jobs WHERE id = :id")
                .bind("id", undoJobId).mapToMap().one());
        assertThat(job.get("status")).isEqualTo("COMPLETED");
        assertThat(((Number) job.get("total_count")).intValue()).isEqualTo(selected.size());
        assertThat(((Number) job.get("updated_count")).intValue()).isEqualTo(selected.size());
        assertThat(((Number) job.get("failed_count")).intValue()).isZero();
    }

    static Map<String, Integer> chunkStatuses(Database db, long jobId) {
        Map<String, Integer> result = new TreeMap<>();
        db.useHandle(h -> h.createQuery("SELECT status, COUNT(*) AS n FROM job_chunks WHERE job_id = :job GROUP BY status")
                .bind("job", jobId)
                .map((rs, ctx) -> result.put(rs.getString("status"), rs.getInt("n")))
                .list());
        return result;
    }

    /** How many chunks of the job each node has run (DONE chunks by {@code done_by}). */
    static Map<String, Integer> chunksDoneBy(Database db, long jobId) {
        Map<String, Integer> result = new TreeMap<>();
        db.useHandle(h -> h.createQuery(
                        "SELECT done_by, COUNT(*) AS n FROM job_chunks WHERE job_id = :job AND status = 'DONE' GROUP BY done_by")
                .bind("job", jobId)
                .map((rs, ctx) -> result.put(rs.getString("done_by"), rs.getInt("n")))
                .list());
        return result;
    }

    static long leftoverExecutions(Database db, long jobId) {
        return db.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = :task AND task_instance LIKE :prefix")
                .bind("task", JobScheduler.CHUNK_TASK).bind("prefix", jobId + "-%")
                .mapTo(Long.class).one());
    }

    private Map<Long, Lead> current(Database db) {
        Map<Long, Lead> result = new HashMap<>();
        db.useHandle(h -> h.createQuery("SELECT id, version, " + jobColumn + " AS v FROM " + table)
                .map((rs, ctx) -> result.put(rs.getLong("id"), new Lead(rs.getInt("version"), rs.getString("v"))))
                .list());
        return result;
    }

    /** Fails listing the first few problems, not fifty thousand of them. */
    private static void none(String what, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new AssertionError(what + ": " + problems.size() + ", e.g.\n" + String.join("\n", problems.subList(0, Math.min(20, problems.size()))));
        }
    }

    private static Map<String, String> values(String json) {
        if (json == null) return null;
        try {
            Map<String, String> result = new LinkedHashMap<>();
            JsonNode node = JSON.readTree(json);
            node.properties().forEach(e -> result.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
