package io.sweep.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweep.App;
import io.sweep.Config;
import io.sweep.auth.Principal;
import io.sweep.auth.Scopes;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.TestServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Jobs on a node with no job threads: nothing runs until the test runs the due chunks on its own
 * thread ({@link JobScheduler#runDue()}), so every step of a job is observed, none raced.
 */
class ChunkRunnerTest {
    private static TestServer server;
    private static App app;
    private static Principal admin;

    @BeforeAll
    static void start() {
        // no demo data (60,000 records to seed): the leads the tests mark are made here
        server = TestServer.start(Backend.H2.newDatabaseUrl(), config -> config.withDemo(false).withJobs(
                new Config.JobSettings(config.jobs().heartbeat(), config.jobs().polling(), 0, "by-hand")));
        app = server.app();
        for (int batch = 0; batch < 13; batch++) {
            var leads = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                leads.append(leads.isEmpty() ? "" : ",").append("{\"Last_Name\":\"Hand ").append(batch * 100 + i).append("\",\"Company\":\"By Hand\"}");
            }
            var created = server.admin().post("/crm/v2/Leads", "{\"data\":[" + leads + "]}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        admin = app.users().principal(app.users().byEmail(App.ADMIN_EMAIL).orElseThrow(), Scopes.of(Scopes.ALL_SCOPES));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void a_scheduled_job_changes_nothing_until_its_chunks_run_then_updates_each_record_once() {
        var leads = MarkedLeads.mark(app.database(), "by-hand-" + UUID.randomUUID(), 1_200);
        long jobId = Long.parseLong(JobApi.schedule(server.admin(), leads.viewId(), MarkedLeads.JOB_FIELD, "@by-hand"));

        Job scheduled = app.jobRepository().find(jobId).orElseThrow();
        assertThat(scheduled.status()).isEqualTo(JobStatus.SCHEDULED);
        assertThat(scheduled.chunkCount()).isEqualTo(3);
        assertThat(MarkedLeads.chunkStatuses(app.database(), jobId)).isEqualTo(Map.of("PENDING", 3));

        app.jobScheduler().runDue();

        leads.assertUpdatedExactlyOnce(app.database(), jobId, "@by-hand");
        assertThat(MarkedLeads.chunksDoneBy(app.database(), jobId)).isEqualTo(Map.of("by-hand", 3));
    }

    @Test
    void chunks_run_again_after_they_committed_apply_nothing_twice() {
        var leads = MarkedLeads.mark(app.database(), "again-" + UUID.randomUUID(), 700);
        long jobId = Long.parseLong(JobApi.schedule(server.admin(), leads.viewId(), MarkedLeads.JOB_FIELD, "@again"));
        app.jobScheduler().runDue();

        // as after a node died between its commit and db-scheduler's bookkeeping: the executions come back
        app.jobScheduler().schedule(jobId, List.of(0, 1));
        app.jobScheduler().runDue();

        leads.assertUpdatedExactlyOnce(app.database(), jobId, "@again");
    }

    @Test
    void a_job_cancelled_before_its_chunks_run_closes_them_with_nothing_applied_and_exact_counts() {
        var leads = MarkedLeads.mark(app.database(), "cancel-" + UUID.randomUUID(), 600);
        String jobId = JobApi.schedule(server.admin(), leads.viewId(), MarkedLeads.JOB_FIELD, "@never");
        app.jobs().cancel(admin, jobId);

        app.jobScheduler().runDue();

        Job job = app.jobRepository().find(Long.parseLong(jobId)).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(job.updatedCount()).isZero();
        assertThat(job.failedCount()).isZero();
        assertThat(job.notUpdatedCount()).isEqualTo(600);
        assertThat(MarkedLeads.chunkStatuses(app.database(), job.id())).isEqualTo(Map.of("DONE", 2));
        int applied = app.database().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM rec_leads WHERE twitter = '@never'").mapTo(Integer.class).one());
        assertThat(applied).isZero();
    }

    @Test
    void an_undo_restores_every_record_and_can_start_only_once_the_job_has_ended() {
        var leads = MarkedLeads.mark(app.database(), "undo-" + UUID.randomUUID(), 510);
        String jobId = JobApi.schedule(server.admin(), leads.viewId(), MarkedLeads.JOB_FIELD, "@undone");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> app.jobs().undo(admin, jobId)))
                .as("an undo of a job still SCHEDULED").hasMessageContaining("INVALID");
        app.jobScheduler().runDue();

        long undoId = app.jobs().undo(admin, jobId).id();
        assertThat(app.jobRepository().find(undoId).orElseThrow().status()).isEqualTo(JobStatus.SCHEDULED);
        app.jobScheduler().runDue();

        leads.assertRestored(app.database(), undoId);
    }
}
