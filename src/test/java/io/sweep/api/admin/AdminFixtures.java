package io.sweep.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Records, views, blueprints and jobs of a test's own, on the shared demo server, so tests that
 * share it never touch each other's data.
 */
final class AdminFixtures {
    final TestServer server;
    final Http admin;

    AdminFixtures(TestServer server) {
        this.server = server;
        this.admin = server.admin();
    }

    long userId(String email) {
        return server.app().users().byEmail(email).orElseThrow().id();
    }

    /** A user of its own (profile: Administrator, Standard or Sales Rep), created once. */
    long user(String email, String profile) {
        return server.app().users().byEmail(email).orElseGet(() -> server.app().users().add(email, "Test " + email, profile)).id();
    }

    /** A profile of the test's own that may view, edit and mass update every lead; returns its id. */
    long leadsProfile(String name) {
        var db = server.app().database();
        return db.inTransaction(h -> {
            long id = db.nextId(h);
            h.createUpdate("INSERT INTO profiles (id, name, administrator) VALUES (:id, :name, FALSE)").bind("id", id).bind("name", name).execute();
            h.createUpdate("""
                    INSERT INTO profile_modules (profile_id, module_id, can_view, can_edit, can_mass_update, record_access)
                    VALUES (:p, :m, TRUE, TRUE, TRUE, 'all')""").bind("p", id).bind("m", moduleId("Leads")).execute();
            return id;
        });
    }

    /** Changes what a profile may do in Leads: {@code set} is SQL over profile_modules' columns. */
    void changeLeadsPermission(long profileId, String set) {
        server.app().database().useHandle(h -> h.createUpdate("UPDATE profile_modules SET " + set + " WHERE profile_id = :p AND module_id = :m")
                .bind("p", profileId).bind("m", moduleId("Leads")).execute());
    }

    /** Makes a Leads field read_only or hidden for a profile. */
    void restrictLeadsField(long profileId, String field, String access) {
        long fieldId = server.app().metadata().module("Leads").orElseThrow().field(field).orElseThrow().id();
        server.app().database().useHandle(h -> h.createUpdate(
                        "INSERT INTO profile_field_restrictions (profile_id, field_id, access) VALUES (:p, :f, :a)")
                .bind("p", profileId).bind("f", fieldId).bind("a", access).execute());
    }

    Http tokenFor(String email, String... scopes) {
        return server.tokenFor(email, scopes);
    }

    long moduleId(String module) {
        return server.app().metadata().module(module).orElseThrow().id();
    }

    /** Creates leads of {@code company}; {@code extra} is more JSON fields for lead i (or empty). */
    List<String> leads(String company, int count, java.util.function.IntFunction<String> extra) {
        List<String> ids = new ArrayList<>();
        for (int from = 0; from < count; from += 100) {
            int to = Math.min(count, from + 100);
            var slice = new StringBuilder();
            for (int i = from; i < to; i++) {
                String more = extra.apply(i);
                slice.append(i == from ? "" : ",").append("{\"Last_Name\":\"Lead ").append(i).append("\",\"Company\":\"").append(company)
                        .append("\",\"Lead_Status\":\"Not Contacted\"").append(more.isEmpty() ? "" : "," + more).append('}');
            }
            var response = admin.post("/crm/v2/Leads", "{\"data\":[" + slice + "]}");
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            for (JsonNode entry : response.json().get("data")) ids.add(entry.get("details").get("id").asText());
        }
        return ids;
    }

    List<String> leads(String company, int count) {
        return leads(company, count, i -> "");
    }

    /** A private view of {@code owner} selecting the leads of {@code company}. */
    String view(String company, String ownerEmail) {
        var db = server.app().database();
        long owner = userId(ownerEmail);
        long id = db.inTransaction(h -> {
            long v = db.nextId(h);
            h.createUpdate("""
                    INSERT INTO custom_views (id, module_id, name, criteria, owner_id, shared_with_all, created_time)
                    VALUES (:id, :m, :name, :criteria, :owner, FALSE, CURRENT_TIMESTAMP)""")
                    .bind("id", v).bind("m", moduleId("Leads")).bind("name", "Company " + company).bind("owner", owner)
                    .bind("criteria", "{\"comparator\":\"equal\",\"field\":{\"api_name\":\"Company\"},\"value\":\"" + company + "\"}")
                    .execute();
            return v;
        });
        return String.valueOf(id);
    }

    String view(String company) {
        return view(company, "admin@sweep.local");
    }

    String viewId(String module, String name) {
        for (JsonNode v : admin.get("/crm/v2/settings/custom_views?module=" + module).json().get("custom_views")) {
            if (v.get("name").asText().equals(name)) return v.get("id").asText();
        }
        throw new AssertionError("no view " + name);
    }

    /** A blueprint of the test's own on Leads, driving {@code field}, holding these leads. */
    void blueprint(String name, String field, List<String> leadIds) {
        var db = server.app().database();
        db.useHandle(h -> {
            long id = db.nextId(h);
            long fieldId = server.app().metadata().module("Leads").orElseThrow().field(field).orElseThrow().id();
            h.createUpdate("INSERT INTO blueprints (id, module_id, name, field_id, active) VALUES (:id, :m, :name, :f, TRUE)")
                    .bind("id", id).bind("m", moduleId("Leads")).bind("name", name).bind("f", fieldId).execute();
            h.createUpdate("UPDATE rec_leads SET blueprint_id = :b WHERE id IN (<ids>)")
                    .bind("b", id).bindList("ids", leadIds.stream().map(Long::valueOf).toList()).execute();
        });
    }

    /** Schedules a cvid mass update through the Zoho API; returns the job id. */
    String schedule(Http as, String module, String cvid, String field, String jsonValue) {
        var response = as.post("/crm/v2/" + module + "/actions/mass_update",
                "{\"data\":[{\"" + field + "\":" + jsonValue + "}],\"cvid\":\"" + cvid + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode entry = response.json().get("data").get(0);
        assertThat(entry.get("code").asText()).as(response.body()).isEqualTo("SUCCESS");
        return entry.get("details").get("job_id").asText();
    }

    String schedule(String cvid, String field, String jsonValue) {
        return schedule(admin, "Leads", cvid, field, jsonValue);
    }

    JsonNode job(String id) {
        var response = admin.get("/api/jobs/" + id);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode job = response.json();
        assertThat(job.get("Updated_Count").asInt() + job.get("Failed_Count").asInt() + job.get("Not_Updated_Count").asInt())
                .as("Updated + Failed + Not_Updated = Total at every read").isEqualTo(job.get("Total_Count").asInt());
        return job;
    }

    /** Waits until the job has ended and every chunk has been closed. */
    JsonNode waitForEnd(String id) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = job(id);
            String status = job.get("status").asText();
            boolean ended = !status.equals("SCHEDULED") && !status.equals("RUNNING");
            if (ended && job.get("chunks").get("done").asInt() == job.get("chunks").get("total").asInt()) return job;
            pause(50);
        }
        throw new AssertionError("job " + id + " did not end");
    }

    /**
     * A job row written straight into the database, with no chunks: it stays in the state given
     * until a test changes it, which makes running and finished jobs deterministic to test.
     */
    String storedJob(String userEmail, String module, String status, OffsetDateTime created, String activeKey, Long cvid) {
        var db = server.app().database();
        boolean ended = !status.equals("SCHEDULED") && !status.equals("RUNNING");
        long id = db.inTransaction(h -> {
            long j = db.nextId(h);
            h.createUpdate("""
                    INSERT INTO jobs (id, module_id, user_id, trigger_type, status, request, cvid, active_key,
                                      total_count, updated_count, failed_count, chunk_count, chunks_done, created_time, start_time, end_time)
                    VALUES (:id, :m, :u, 'api', :status, :request, :cvid, :key, 10, 4, 1, 0, 0, :created, :created, :ended)""")
                    .bind("id", j).bind("m", moduleId(module)).bind("u", userId(userEmail)).bind("status", status)
                    .bind("request", "{\"data\":[{\"Rating\":\"Active\"}],\"cvid\":\"1\",\"over_write\":false}")
                    .bind("cvid", cvid).bind("key", activeKey).bind("created", created)
                    .bind("ended", ended ? created.plusSeconds(2) : null)
                    .execute();
            return j;
        });
        return String.valueOf(id);
    }

    String storedJob(String userEmail, String module, String status) {
        return storedJob(userEmail, module, status, OffsetDateTime.now().withNano(0), null, null);
    }

    void setJobStatus(String id, String status) {
        server.app().database().useHandle(h -> h.createUpdate(
                        "UPDATE jobs SET status = :s, end_time = CURRENT_TIMESTAMP, active_key = NULL WHERE id = :id")
                .bind("s", status).bind("id", Long.parseLong(id)).execute());
    }

    int version(String leadId) {
        return server.app().database().withHandle(h -> h.createQuery("SELECT version FROM rec_leads WHERE id = :id")
                .bind("id", Long.parseLong(leadId)).mapTo(Integer.class).one());
    }

    JsonNode lead(String id) {
        return admin.get("/crm/v2/Leads/" + id).json().get("data").get(0);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
