package io.sweep.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.App;
import io.sweep.auth.Scopes;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** SPEC §3 undo: a finished job's before-values come back, empty ones included, each record one version further. */
@Tag("slow")
class UndoTest {
    @Test
    void undo_restores_values_and_empty_values_alike() {
        var server = TestServer.shared(Backend.H2);
        var admin = server.admin();
        String company = "Undo Co " + UUID.randomUUID();
        var leads = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            // empty and non-empty old values side by side, a value first: they are restored in one batch
            leads.append(i == 0 ? "" : ",").append("{\"Last_Name\":\"Undo ").append(i).append("\",\"Company\":\"").append(company)
                    .append('"').append(i % 3 == 1 ? "" : ",\"Twitter\":\"@old" + i + "\"").append('}');
        }
        assertThat(admin.post("/crm/v2/Leads", "{\"data\":[" + leads + "]}").status()).isEqualTo(201);

        var db = server.app().database();
        long moduleId = server.app().metadata().module("Leads").orElseThrow().id();
        long adminId = server.app().users().byEmail(App.ADMIN_EMAIL).orElseThrow().id();
        long viewId = db.inTransaction(h -> {
            long id = db.nextId(h);
            h.createUpdate("""
                            INSERT INTO custom_views (id, module_id, name, criteria, owner_id, shared_with_all, created_time)
                            VALUES (:id, :m, :name, :criteria, :owner, FALSE, CURRENT_TIMESTAMP)""")
                    .bind("id", id).bind("m", moduleId).bind("name", company).bind("owner", adminId)
                    .bind("criteria", "{\"comparator\":\"equal\",\"field\":{\"api_name\":\"Company\"},\"value\":\"" + company + "\"}")
                    .execute();
            return id;
        });
        Map<Long, String> before = new HashMap<>();
        Map<Long, Integer> versions = new HashMap<>();
        db.useHandle(h -> h.createQuery("SELECT id, version, twitter FROM rec_leads WHERE company = :c").bind("c", company)
                .map((rs, ctx) -> {
                    before.put(rs.getLong("id"), rs.getString("twitter"));
                    return versions.put(rs.getLong("id"), rs.getInt("version"));
                })
                .list());
        assertThat(before).hasSize(12).containsValue(null);

        String jobId = JobApi.schedule(admin, String.valueOf(viewId), "Twitter", "@new");
        JsonNode done = JobApi.awaitEnd(admin, jobId, Duration.ofMinutes(2));
        assertThat(done.get("Updated_Count").asInt()).as(done.toString()).isEqualTo(12);

        var user = server.app().users().byEmail(App.ADMIN_EMAIL).orElseThrow();
        long undoId = server.app().jobs().undo(server.app().users().principal(user, Scopes.of(Scopes.ALL_SCOPES)), jobId).id();
        Job undo = awaitEnd(server.app().jobRepository(), undoId);
        assertThat(undo.status()).as(undo.toString()).isEqualTo(JobStatus.COMPLETED);
        assertThat(undo.updatedCount()).isEqualTo(12);
        assertThat(undo.failedCount()).isZero();

        List<String> wrong = new ArrayList<>();
        db.useHandle(h -> h.createQuery("SELECT id, version, twitter FROM rec_leads WHERE company = :c").bind("c", company)
                .map((rs, ctx) -> {
                    long id = rs.getLong("id");
                    String twitter = rs.getString("twitter");
                    if (rs.getInt("version") != versions.get(id) + 2 || !java.util.Objects.equals(twitter, before.get(id))) {
                        wrong.add(id + ": " + twitter + " v" + rs.getInt("version") + ", expected " + before.get(id) + " v" + (versions.get(id) + 2));
                    }
                    return id;
                })
                .list());
        assertThat(wrong).isEmpty();
    }

    private static Job awaitEnd(JobRepository jobs, long id) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        Job job = jobs.find(id).orElseThrow();
        while (job.status().active() && Instant.now().isBefore(deadline)) {
            SweepProcess.sleep(50);
            job = jobs.find(id).orElseThrow();
        }
        return job;
    }
}
