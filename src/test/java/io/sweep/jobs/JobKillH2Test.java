package io.sweep.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.App;
import io.sweep.Config;
import io.sweep.auth.Scopes;
import io.sweep.db.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §3 "crash-safe" on the default H2 file database: a Sweep process is killed with SIGKILL
 * in the middle of a 50,000-record job; a new process on the same file finishes it, and every
 * record is updated exactly once with exact counts. Then the job is undone.
 */
class JobKillH2Test {
    private static final int RECORDS = 50_000;
    private static final String NEW_VALUE = "@swept-by-the-job";

    @TempDir
    Path dir;

    private final List<SweepProcess> nodes = new ArrayList<>();

    @AfterEach
    void killNodes() {
        nodes.forEach(SweepProcess::close);
    }

    private SweepProcess start(String name, String url) {
        var node = SweepProcess.start(name, url, dir);
        nodes.add(node);
        return node;
    }

    @Test
    void a_job_killed_mid_way_resumes_after_restart_and_updates_every_record_exactly_once() {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";

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

        // undo, in this JVM: the job's values come back, each record one version further
        Instant opening = Instant.now();
        Duration opened;
        Duration undone;
        var config = Config.fromEnvironment(Map.of()).withPort(0).withDb(url, null, null).withRulesDir(dir.resolve("rules"))
                .withJobs(new Config.JobSettings(Duration.ofMillis(500), Duration.ofMillis(200), 2, "h2-undo"));
        try (App app = App.create(config, Clock.systemUTC())) {
            app.start();
            opened = Duration.between(opening, Instant.now());
            Instant undoing = Instant.now();
            var admin = app.users().byEmail(App.ADMIN_EMAIL).orElseThrow();
            var principal = app.users().principal(admin, Scopes.of(Scopes.ALL_SCOPES));
            long undoJob = app.jobs().undo(principal, jobId).id();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            Job undo = app.jobRepository().find(undoJob).orElseThrow();
            while (undo.status().active() && Instant.now().isBefore(deadline)) {
                SweepProcess.sleep(100);
                undo = app.jobRepository().find(undoJob).orElseThrow();
            }
            undone = Duration.between(undoing, Instant.now());
            assertThat(undo.status()).as("undo job %s", undo).isEqualTo(JobStatus.COMPLETED);
            leads.assertRestored(app.database(), undoJob);
        }

        Duration running = Duration.between(scheduled, killed).plus(Duration.between(ready, completed));
        System.out.printf("""
                        [crash H2] demo seeding by the first process: %d ms
                        [crash H2] %,d-record job: killed (SIGKILL) after %d ms at %s
                        [crash H2] restart: process up and healthy in %d ms; status then %s
                        [crash H2] restart to COMPLETED: %d ms from process start, %d ms from healthy
                        [crash H2] job running time, scheduling to COMPLETED without the restart gap: %d ms
                        [crash H2] chunks done by node: %s
                        [crash H2] undo of %,d records, in-process: server up in %d ms, undo job COMPLETED %d ms after it was started
                        """,
                seeded.toMillis(), RECORDS, Duration.between(scheduled, killed).toMillis(), beforeKill,
                Duration.between(restarting, ready).toMillis(), afterRestart,
                Duration.between(restarting, completed).toMillis(), Duration.between(ready, completed).toMillis(),
                running.toMillis(), doneBy, RECORDS, opened.toMillis(), undone.toMillis());
    }
}
