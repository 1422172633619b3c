package io.sweep.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sweep.testsupport.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** Scheduling a job and reading its status through the Zoho API (SPEC §1.2, §1.3). */
final class JobApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JobApi() {}

    /** Schedules {@code field = value} over the view; returns the job id. */
    static String schedule(Http node, String cvid, String field, String value) {
        var body = JSON.createObjectNode();
        body.putArray("data").addObject().put(field, value);
        body.put("cvid", cvid);
        var response = node.post("/crm/v2/Leads/actions/mass_update", body.toString());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode entry = response.json().get("data").get(0);
        assertThat(entry.get("code").asText()).as(response.body()).isEqualTo("SUCCESS");
        return entry.get("details").get("job_id").asText();
    }

    /** The job's status; every read keeps Zoho's invariant Updated + Failed + Not_Updated = Total. */
    static JsonNode status(Http node, String jobId) {
        var response = node.get("/crm/v2/Leads/actions/mass_update?job_id=" + jobId);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode s = response.json().get("data").get(0);
        assertThat(s.get("Updated_Count").asInt() + s.get("Failed_Count").asInt() + s.get("Not_Updated_Count").asInt())
                .as("Updated + Failed + Not_Updated = Total at every read: %s", s).isEqualTo(s.get("Total_Count").asInt());
        return s;
    }

    static boolean active(JsonNode status) {
        String s = status.get("Status").asText();
        return s.equals("SCHEDULED") || s.equals("RUNNING");
    }

    /** Polls until the status matches (or the deadline passes, which fails). */
    static JsonNode await(Http node, String jobId, Duration timeout, long pollMillis, Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = status(node, jobId);
            if (condition.test(last)) return last;
            SweepProcess.sleep(pollMillis);
        }
        throw new AssertionError("job " + jobId + " not there within " + timeout + "; last status " + last);
    }

    static JsonNode awaitEnd(Http node, String jobId, Duration timeout) {
        return await(node, jobId, timeout, 100, s -> !active(s));
    }
}
