package io.sweep.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.Config;
import io.sweep.crm.RecordTime;
import io.sweep.jobs.HistoryRetention;
import io.sweep.jobs.JobKind;
import io.sweep.jobs.JobRepository;
import io.sweep.jobs.Trigger;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.CapturedLog;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.Scrape;
import io.sweep.testsupport.SettableClock;
import io.sweep.testsupport.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The history retention on a real database: a server of its own per test, running no job threads,
 * on a clock the test moves; the test runs chunks ({@code runDue}) and the purge itself rather
 * than waiting for their schedules.
 */
abstract class HistoryRetentionContract {
    private static final int DAYS = 30;

    private final SettableClock clock = new SettableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private TestServer server;
    private AdminFixtures fx;
    private Http admin;

    abstract Backend backend();

    private void start(int retentionDays) {
        server = TestServer.start(backend().newDatabaseUrl(), config -> config.withDemo(false).withHistoryRetentionDays(retentionDays)
                .withJobs(new Config.JobSettings(config.jobs().heartbeat(), config.jobs().polling(), 0, config.jobs().nodeName())), clock);
        fx = new AdminFixtures(server);
        admin = server.admin();
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop();
    }

    // --- helpers ------------------------------------------------------------------------------

    private record Ran(String jobId, List<String> leads) {}

    /** Three leads of their own company, set to {@code value} by a mass update of their view, run to its end now. */
    private Ran massUpdate(String company, String value) {
        List<String> leads = fx.leads(company, 3);
        String jobId = fx.schedule(fx.view(company), "Designation", "\"" + value + "\"");
        runUntilEnded(jobId);
        assertThat(fx.job(jobId).get("Updated_Count").asInt()).isEqualTo(3);
        return new Ran(jobId, leads);
    }

    private void runUntilEnded(String jobId) {
        for (int round = 0; round < 10 && active(fx.job(jobId)); round++) server.app().jobScheduler().runDue();
        assertThat(active(fx.job(jobId))).as("job %s ended", jobId).isFalse();
    }

    private static boolean active(JsonNode job) {
        return List.of("SCHEDULED", "RUNNING").contains(job.get("status").asText());
    }

    private HistoryRetention.Purged purge() {
        return server.app().historyRetention().purge();
    }

    private long count(String sql, long id) {
        return server.app().database().withHandle(h -> h.createQuery(sql).bind("id", id).mapTo(Long.class).one());
    }

    private long results(String jobId) {
        return count("SELECT COUNT(*) FROM job_records WHERE job_id = :id", Long.parseLong(jobId));
    }

    private long historyRows(String leadId) {
        return count("SELECT COUNT(*) FROM record_history WHERE record_id = :id", Long.parseLong(leadId));
    }

    private JsonNode resultsOf(String jobId, String query) {
        var response = admin.get("/api/jobs/" + jobId + "/results" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode historyOf(String leadId) {
        var response = admin.get("/api/records/Leads/" + leadId + "/history");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("history");
    }

    private void writeDirectly(String leadId, String value) {
        var put = admin.put("/crm/v2/Leads/" + leadId, "{\"data\":[{\"Designation\":\"" + value + "\"}]}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
    }

    private String designation(String leadId) {
        return fx.lead(leadId).get("Designation").asText();
    }

    // --- tests --------------------------------------------------------------------------------

    @Test
    void results_of_jobs_that_ended_longer_ago_than_the_retention_and_older_history_are_removed_and_recent_ones_kept() {
        start(DAYS);
        Ran old = massUpdate("Retention Old Co", "old job");
        writeDirectly(old.leads().get(0), "old direct write");
        assertThat(historyRows(old.leads().get(0))).as("its create and its update").isEqualTo(2);

        clock.advance(Duration.ofDays(20));
        Ran recent = massUpdate("Retention Recent Co", "recent job");
        writeDirectly(recent.leads().get(0), "recent direct write");
        clock.advance(Duration.ofDays(15));

        HistoryRetention.Purged purged;
        try (var log = new CapturedLog()) {
            purged = purge();
            assertThat(log.events()).filteredOn(e -> e.getLoggerName().equals(HistoryRetention.class.getName()))
                    .singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
                            .contains("(30 days)", "results of 1 jobs", "job_records -3 rows", "record_history -4 rows"));
        }
        // the old job's 3 results; the old leads' creates (3) and the direct update (1)
        assertThat(purged).isEqualTo(new HistoryRetention.Purged(1, 3, 4));

        JsonNode oldJob = fx.job(old.jobId());
        assertThat(oldJob.get("results_purged_at").asText()).isEqualTo(RecordTime.format(RecordTime.now(clock)));
        assertThat(oldJob.get("status").asText()).as("the job itself stays, counts and all").isEqualTo("COMPLETED");
        assertThat(oldJob.get("Updated_Count").asInt()).isEqualTo(3);
        assertThat(admin.get("/api/jobs").json().get("jobs")).extracting(j -> j.get("id").asText()).contains(old.jobId(), recent.jobId());
        assertThat(results(old.jobId())).isZero();
        JsonNode page = resultsOf(old.jobId(), "?page=1");
        assertThat(page.get("results")).isEmpty();
        assertThat(page.get("results_purged_at").asText()).isEqualTo(oldJob.get("results_purged_at").asText());
        assertThat(resultsOf(old.jobId(), "").get("results")).isEmpty();
        for (String lead : old.leads()) {
            assertThat(historyRows(lead)).isZero();
            assertThat(historyOf(lead)).as("nothing is left of the old writes").isEmpty();
            assertThat(designation(lead)).as("the records keep their values").isIn("old job", "old direct write");
        }

        JsonNode recentJob = fx.job(recent.jobId());
        assertThat(recentJob.get("results_purged_at").isNull()).isTrue();
        assertThat(results(recent.jobId())).isEqualTo(3);
        assertThat(resultsOf(recent.jobId(), "?page=1").get("results")).hasSize(3);
        assertThat(resultsOf(recent.jobId(), "?page=1").get("results_purged_at").isNull()).isTrue();
        assertThat(historyOf(recent.leads().get(0))).extracting(e -> e.get("action").asText())
                .containsExactly("update", "mass_update", "create");

        assertThat(purge()).as("a second purge finds nothing more").isEqualTo(new HistoryRetention.Purged(0, 0, 0));
        Scrape metrics = Scrape.of(admin);
        assertThat(metrics.value("sweep_history_purged_rows_total", "table=\"job_records\"")).isEqualTo(3);
        assertThat(metrics.value("sweep_history_purged_rows_total", "table=\"record_history\"")).isEqualTo(4);
        long executions = server.app().database().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'history-retention'").mapTo(Long.class).one());
        assertThat(executions)
                .as("the purge is one recurring execution, picked by one node at a time").isEqualTo(1);
    }

    @Test
    void with_no_retention_set_everything_is_kept_forever() {
        start(0);
        Ran job = massUpdate("Retention Forever Co", "kept");
        clock.advance(Duration.ofDays(3650));

        assertThat(purge()).isEqualTo(new HistoryRetention.Purged(0, 0, 0));

        assertThat(results(job.jobId())).isEqualTo(3);
        assertThat(fx.job(job.jobId()).get("results_purged_at").isNull()).isTrue();
        assertThat(historyOf(job.leads().get(0))).extracting(e -> e.get("action").asText()).containsExactly("mass_update", "create");
    }

    @Test
    void an_undo_asked_for_after_its_job_was_purged_answers_INVALID_DATA_and_starts_nothing() {
        start(DAYS);
        Ran job = massUpdate("Retention Undo Late Co", "to undo");
        clock.advance(Duration.ofDays(DAYS + 1));
        assertThat(purge().jobs()).isEqualTo(1);

        var undo = admin.post("/api/jobs/" + job.jobId() + "/undo", "");
        assertThat(undo.status()).as(undo.body()).isEqualTo(400);
        assertThat(undo.json().get("code").asText()).isEqualTo("INVALID_DATA");
        assertThat(undo.json().get("message").asText()).contains("results were removed", "history retention", "can no longer be undone");
        assertThat(undo.json().get("details").get("job_id").asText()).isEqualTo(job.jobId());
        assertThat(count("SELECT COUNT(*) FROM jobs WHERE undo_of = :id", Long.parseLong(job.jobId()))).isZero();
        for (String lead : job.leads()) assertThat(designation(lead)).isEqualTo("to undo");
    }

    @Test
    void a_job_being_undone_keeps_its_results_until_its_undo_ended_longer_ago_than_the_retention() {
        start(DAYS);
        Ran job = massUpdate("Retention Undo Co", "undone later");
        clock.advance(Duration.ofDays(DAYS + 1));
        var undo = admin.post("/api/jobs/" + job.jobId() + "/undo", "");
        assertThat(undo.status()).as(undo.body()).isEqualTo(202);
        String undoId = undo.json().get("id").asText();

        // the undo is SCHEDULED, none of its chunks has run: it reads the job's results when they do
        assertThat(purge().jobs()).isZero();
        assertThat(results(job.jobId())).isEqualTo(3);

        runUntilEnded(undoId);
        JsonNode ended = fx.job(undoId);
        assertThat(ended.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(ended.get("Updated_Count").asInt()).as("every record came back").isEqualTo(3);
        for (String lead : job.leads()) assertThat(fx.lead(lead).path("Designation").asText(null)).as("as before the job").isNull();

        // its undo ended just now: the job's results are kept as long as the undo's
        assertThat(purge().jobs()).isZero();
        assertThat(results(job.jobId())).isEqualTo(3);

        clock.advance(Duration.ofDays(DAYS + 1));
        assertThat(purge()).isEqualTo(new HistoryRetention.Purged(2, 6, 0));
        assertThat(fx.job(job.jobId()).get("undone_by").asText()).as("who undid it is still said").isEqualTo(undoId);
        assertThat(fx.job(undoId).get("results_purged_at").isNull()).isFalse();
    }

    /**
     * Whether some statement waits for a row lock another transaction holds, asked on a connection
     * of its own: each database keeps a list of its sessions and what they wait for.
     */
    private boolean someoneWaitsForALock() {
        String sql = backend() == Backend.POSTGRES
                ? "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
                : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
        return server.app().database().read(h -> h.createQuery(sql).mapTo(Long.class).one()) > 0;
    }

    private void awaitLockWait() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!someoneWaitsForALock()) {
            assertThat(Instant.now()).as("the other side came to wait for the job's row").isBefore(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void an_undo_asked_for_while_the_purge_marks_its_job_waits_for_the_mark_and_is_refused() throws Exception {
        start(DAYS);
        Ran job = massUpdate("Retention Mark First Co", "marked first");
        clock.advance(Duration.ofDays(DAYS + 1));
        long id = Long.parseLong(job.jobId());
        var pool = Executors.newSingleThreadExecutor();
        try (Handle h = server.app().database().jdbi().open()) {
            // the purge's mark, held open: the job's row locked and marked, not committed yet
            h.begin();
            h.createQuery("SELECT id FROM jobs WHERE id = :id FOR UPDATE").bind("id", id).mapTo(Long.class).one();
            h.createUpdate("UPDATE jobs SET results_purged_at = :now WHERE id = :id").bind("now", RecordTime.now(clock)).bind("id", id).execute();
            Future<Http.Response> undo = pool.submit(() -> admin.post("/api/jobs/" + job.jobId() + "/undo", ""));
            awaitLockWait();
            h.commit();

            var answer = undo.get(1, TimeUnit.MINUTES);
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.json().get("code").asText()).isEqualTo("INVALID_DATA");
            assertThat(answer.json().get("message").asText()).contains("results were removed");
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT COUNT(*) FROM jobs WHERE undo_of = :id", id)).as("no undo started on results about to go").isZero();
    }

    @Test
    void a_purge_that_comes_to_a_job_while_its_undo_starts_waits_for_it_and_leaves_the_job_alone() throws Exception {
        start(DAYS);
        Ran job = massUpdate("Retention Undo First Co", "undo first");
        clock.advance(Duration.ofDays(DAYS + 1));
        long id = Long.parseLong(job.jobId());
        var db = server.app().database();
        var jobs = server.app().jobRepository();
        var pool = Executors.newSingleThreadExecutor();
        try (Handle h = db.jdbi().open()) {
            // an undo starting, held open: the job's row locked as starting an undo locks it, the undo job inserted
            h.begin();
            assertThat(jobs.lockForUndo(h, id)).isEmpty();
            long undoId = db.nextId(h);
            assertThat(jobs.insert(h, new JobRepository.Draft(undoId, fx.moduleId("Leads"), fx.userId("admin@sweep.local"), Trigger.UNDO,
                    new JobKind.Undo(id), "{}", RecordTime.now(clock), null, false))).isTrue();
            Future<HistoryRetention.Purged> purging = pool.submit(this::purge);
            awaitLockWait();
            h.commit();

            assertThat(purging.get(1, TimeUnit.MINUTES).jobs()).as("the job's undo started first").isZero();
        } finally {
            pool.shutdownNow();
        }
        assertThat(fx.job(job.jobId()).get("results_purged_at").isNull()).isTrue();
        assertThat(results(job.jobId())).isEqualTo(3);
    }
}
