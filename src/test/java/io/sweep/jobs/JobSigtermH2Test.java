package io.sweep.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.db.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The SIGTERM shutdown hook of {@code sweep serve} in the middle of a job: the process ends by
 * itself, the job is left RUNNING (a shutdown never fails a job), and a restarted process on the
 * same H2 file finishes it with every record updated exactly once and exact counts.
 */
@Tag("slow")
class JobSigtermH2Test {
    private static final int RECORDS = 20_000;
    private static final String NEW_VALUE = "@swept-before-and-after-sigterm";

    private final List<SweepProcess> nodes = new ArrayList<>();
    private final Path logs = SweepProcess.logDir("JobSigtermH2Test");

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
    void a_job_stopped_by_sigterm_mid_way_resumes_after_restart_with_exact_counts() {
        Path dbFile = logs.resolve("db");
        SweepProcess.deleteH2Files(dbFile);
        String url = "jdbc:h2:file:" + dbFile.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        start("sigterm-seed", url).stop();
        MarkedLeads leads;
        try (Database db = Database.open(url, null, null, 2)) {
            leads = MarkedLeads.mark(db, "sigterm-h2", RECORDS);
        }

        SweepProcess first = start("sigterm-first", url);
        String jobId = JobApi.schedule(first.admin(), leads.viewId(), MarkedLeads.JOB_FIELD, NEW_VALUE);
        JsonNode beforeStop = JobApi.await(first.admin(), jobId, Duration.ofMinutes(3), 10,
                s -> !JobApi.active(s) || s.get("Updated_Count").asInt() >= RECORDS / 5);
        first.stop();
        assertThat(beforeStop.get("Status").asText()).as("stopped mid-job: %s", beforeStop).isEqualTo("RUNNING");
        assertThat(beforeStop.get("Updated_Count").asInt()).as("stopped mid-job").isLessThan(RECORDS);
        assertThat(first.logTail()).as("the shutdown hook ran and nothing failed").doesNotContain("failed:").doesNotContain("exiting now");

        SweepProcess second = start("sigterm-second", url);
        JsonNode afterRestart = JobApi.status(second.admin(), jobId);
        assertThat(afterRestart.get("Status").asText()).as("the shutdown did not end the job: %s", afterRestart).isIn("RUNNING", "COMPLETED");
        JsonNode done = JobApi.awaitEnd(second.admin(), jobId, Duration.ofMinutes(5));
        assertThat(done.get("Status").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.get("Total_Count").asInt()).isEqualTo(RECORDS);
        assertThat(done.get("Updated_Count").asInt()).isEqualTo(RECORDS);
        assertThat(done.get("Failed_Count").asInt()).isZero();
        assertThat(done.get("Not_Updated_Count").asInt()).isZero();
        second.stop();

        try (Database db = Database.open(url, null, null, 2)) {
            leads.assertUpdatedExactlyOnce(db, Long.parseLong(jobId), NEW_VALUE);
            assertThat(MarkedLeads.chunksDoneBy(db, Long.parseLong(jobId)).keySet())
                    .containsExactlyInAnyOrder("sigterm-first", "sigterm-second");
        }
        SweepProcess.deleteH2Files(dbFile);
    }
}
