package io.sweep.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Sweep's HTTP API as the benchmark uses it: the Zoho mass update surface and Sweep's own /api. */
final class SweepApi {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ACTIVE = Set.of("SCHEDULED", "RUNNING");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    SweepApi(String base) {
        this.base = base;
    }

    record Response(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Response post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"));
    }

    private Response send(HttpRequest.Builder request) {
        try {
            var response = client.send(request.header("Authorization", "Zoho-oauthtoken " + SweepServer.TOKEN)
                    .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("request to Sweep failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code POST /crm/v2/Leads/actions/mass_update} with a cvid: the scheduled job's id. */
    String scheduleCvid(long viewId, String field, String value) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("data").addObject().put(field, value);
        body.put("cvid", String.valueOf(viewId));
        var response = post("/crm/v2/Leads/actions/mass_update", body.toString());
        JsonNode entry = expect(response, 200, "schedule a cvid mass update").json().path("data").path(0);
        if (!"SUCCESS".equals(entry.path("code").asText())) throw new IllegalStateException("not scheduled: " + response.body());
        return entry.path("details").path("job_id").asText();
    }

    /** {@code POST /api/rules/{id}/run}: the job's id. */
    String runRule(String ruleId, ObjectNode params) {
        return expect(post("/api/rules/" + ruleId + "/run", params.toString()), 202, "run rule " + ruleId).json().path("id").asText();
    }

    /** {@code POST /api/jobs/{id}/undo}: the undo job's id. */
    String undo(String jobId) {
        return expect(post("/api/jobs/" + jobId + "/undo", ""), 202, "undo job " + jobId).json().path("id").asText();
    }

    /** {@code GET /api/jobs/{id}/results?page=&per_page=}: one page of a job's results. */
    JsonNode resultsPage(String jobId, int page, int perPage) {
        return expect(get("/api/jobs/" + jobId + "/results?page=" + page + "&per_page=" + perPage), 200, "results of job " + jobId).json();
    }

    JsonNode job(String jobId) {
        return expect(get("/api/jobs/" + jobId), 200, "read job " + jobId).json();
    }

    /** Whether the rule file loaded without problems. */
    void requireRule(String ruleId) {
        JsonNode rule = expect(get("/api/rules/" + ruleId), 200, "read rule " + ruleId).json();
        if (!"ok".equals(rule.path("status").asText())) throw new IllegalStateException("rule " + ruleId + " did not load: " + rule);
    }

    /**
     * Polls the job's status endpoint until it has ended; the Zoho one
     * ({@code GET /crm/v2/Leads/actions/mass_update?job_id=}) or Sweep's ({@code GET /api/jobs/{id}}).
     * Every poll is a request Sweep serves (on H2, between two chunks), so it polls seldom while
     * the job has far to go and often near its end: the next poll comes after a third of the time
     * the job still needs at its rate so far, between 20 and 250 ms. The end is seen within a few
     * per cent of the job's time. Returns the status read last; {@code onPoll} runs after every read.
     */
    String awaitEnd(String jobId, boolean zoho, Duration timeout, Runnable onPoll) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        while (true) {
            JsonNode s = zoho
                    ? expect(get("/crm/v2/Leads/actions/mass_update?job_id=" + jobId), 200, "job status").json().path("data").path(0)
                    : job(jobId);
            String status = zoho ? s.path("Status").asText() : s.path("status").asText();
            onPoll.run();
            if (!ACTIVE.contains(status)) return status;
            long now = System.nanoTime();
            if (now > deadline) throw new IllegalStateException("job " + jobId + " still " + status + " after " + timeout);
            int total = s.path("Total_Count").asInt();
            int done = s.path("Updated_Count").asInt() + s.path("Failed_Count").asInt();
            long sleep = 100;
            if (done > 0 && total > done) {
                double remainingMillis = (now - started) / 1e6 * (total - done) / done;
                sleep = Math.max(20, Math.min(250, Math.round(remainingMillis / 3)));
            }
            SweepServer.sleep(sleep);
        }
    }

    /** {@code POST /crm/v2/Leads/actions/mass_update} by ids, as a raw body (the benchmark builds and times it). */
    Response massUpdateByIds(String body) {
        return post("/crm/v2/Leads/actions/mass_update", body);
    }

    static String byIdsBody(String field, String value, List<Long> ids) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("data").addObject().put(field, value);
        var array = body.putArray("ids");
        ids.forEach(id -> array.add(String.valueOf(id)));
        return body.toString();
    }

    private static Response expect(Response r, int status, String what) {
        if (r.status() != status) throw new IllegalStateException(what + ": HTTP " + r.status() + " " + r.body());
        return r;
    }
}
