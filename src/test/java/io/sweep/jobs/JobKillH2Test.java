package io.sweep.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.db.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC §3 "crash-safe" on the default H2 file database: a Sweep process is killed with SIGKILL
 * in the middle of a 50,000-record job; a new process on the same file finishes it, and every
 * record is updated exactly once with exact counts. Then the job is undone through Sweep's API.
 */
@Tag("slow")
class JobKillH2Test {
    private static final int RECORDS = 50_000;
    private static final String NEW_VALUE = "@swept-by-the-job";

    private final List<SweepProcess> nodes = new ArrayList<>();
    private final Path logs = SweepProcess.logDir("JobKillH2Test");

    @AfterEach
    void killNodes() {
        nodes.forEach(SweepProcess::close);
    }

    private SweepProcess start(String name, String url) {
        var node = SweepProcess.start(name, url, logs);
        nodes.add(node);
        return node;
    }

    @Test
    void a_job_killed_mid_way_resumes_after_restart_and_updates_every_record_exactly_once() {
        // the database lives next to the logs: a failed run leaves both behind to look at, a passed one removes it
        Path dbFile = logs.resolve("db");
        SweepProcess.deleteH2Files(dbFile);
        String url = "jdbc:h2:file:" + dbFile.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";

        // a first process seeds the demo data and stops cleanly; the selection is made while no process holds the file
        Instant seeding = Instant.now();
        start("h2-seed", url).stop();
        Duration seeded = Duration.between(seeding, Instant.now());
        MarkedLeads leads;
        try (Database db = Database.open(url, null, null, 2)) {
            leads = MarkedLeads.mark(db, "crash-h2", RECORDS);
        }

        SweepProcess first = start("h2-first", url);
        Instant scheduled = Instant.now();
        String jobId = JobApi.schedule(first.admin(), leads.viewId(), MarkedLeads.JOB_FIELD, NEW_VALUE);
        JsonNode beforeKill = JobApi.await(first.admin(), jobId, Duration.ofMinutes(3), 10,
                s -> !JobApi.active(s) || s.get("Updated_Count").asInt() >= RECORDS / 5);
        first.kill();
        Instant killed = Instant.now();
        assertThat(beforeKill.get("Status").asText()).as("killed mid-job: %s", beforeKill).isEqualTo("RUNNING");
        assertThat(beforeKill.get("Total_Count").asInt()).isEqualTo(RECORDS);
        assertThat(beforeKill.get("Updated_Count").asInt()).as("killed mid-job").isLessThan(RECORDS);

        Instant restarting = Instant.now();
        SweepProcess second = start("h2-second", url);
        Instant ready = Instant.now();
        JsonNode afterRestart = JobApi.status(second.admin(), jobId);
        JsonNode done = JobApi.awaitEnd(second.admin(), jobId, Duration.ofMinutes(5));
        Instant completed = Instant.now();
        assertThat(done.get("Status").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.get("Total_Count").asInt()).isEqualTo(RECORDS);
        assertThat(done.get("Updated_Count").asInt()).isEqualTo(RECORDS);
        assertThat(done.get("Failed_Count").asInt()).isZero();
        assertThat(done.get("Not_Updated_Count").asInt()).isZero();
        second.stop();

        long job = Long.parseLong(jobId);
        Map<String, Integer> doneBy;
        try (Database db = Database.open(url, null, null, 2)) {
            leads.assertUpdatedExactlyOnce(db, job, NEW_VALUE);
            doneBy = MarkedLeads.chunksDoneBy(db, job);
        }
        assertThat(doneBy.keySet()).as("chunks by node: %s", doneBy).containsExactlyInAnyOrder("h2-first", "h2-second");

        // undo through Sweep's own API on a restarted process: the old values come back, each record one version further
        SweepProcess third = start("h2-undo", url);
        Instant undoing = Instant.now();
        var undoResponse = third.admin().post("/api/jobs/" + jobId + "/undo", "");
        assertThat(undoResponse.status()).as(undoResponse.body()).isEqualTo(202);
        String undoId = undoResponse.json().get("id").asText();
        JsonNode undo = awaitEnd(third, undoId);
        Duration undone = Duration.between(undoing, Instant.now());
        assertThat(undo.get("status").asText()).as(undo.toString()).isEqualTo("COMPLETED");
        assertThat(undo.get("undo_of").asText()).isEqualTo(jobId);
        third.stop();
        try (Database db = Database.open(url, null, null, 2)) {
            leads.assertRestored(db, Long.parseLong(undoId));
        }

        SweepProcess.deleteH2Files(dbFile);
        Duration running = Duration.between(scheduled, killed).plus(Duration.between(ready, completed));
        System.out.printf("""
                        [crash H2] demo seeding by the first process: %d ms
                        [crash H2] %,d-record job: killed (SIGKILL) after %d ms at %s
                        [crash H2] restart: process up and healthy in %d ms; status then %s
                        [crash H2] restart to COMPLETED: %d ms from process start, %d ms from healthy
                        [crash H2] job running time, scheduling to COMPLETED without the restart gap: %d ms
                        [crash H2] chunks done by node: %s
                        [crash H2] undo of %,d records (POST /api/jobs/{id}/undo) COMPLETED %d ms after it was asked for
                        """,
                seeded.toMillis(), RECORDS, Duration.between(scheduled, killed).toMillis(), beforeKill,
                Duration.between(restarting, ready).toMillis(), afterRestart,
                Duration.between(restarting, completed).toMillis(), Duration.between(ready, completed).toMillis(),
                running.toMillis(), doneBy, RECORDS, undone.toMillis());
    }

    /** Polls Sweep's own job API until the job has ended. */
    private static JsonNode awaitEnd(SweepProcess node, String jobId) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (true) {
            var response = node.admin().get("/api/jobs/" + jobId);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode job = response.json();
            String status = job.get("status").asText();
            if (!status.equals("SCHEDULED") && !status.equals("RUNNING")) return job;
            assertThat(Instant.now()).as("job %s ends; last %s", jobId, job).isBefore(deadline);
            SweepProcess.sleep(100);
        }
    }
}
