package io.sweep.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.sweep.Config;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.CapturedLog;
import io.sweep.testsupport.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What a chunk logs carries its job, chunk and node in the logging context, and the scheduler's
 * thread does not keep them once the chunk is done.
 */
class ChunkLogContextTest {
    @Test
    void lines_logged_while_a_chunk_runs_name_the_job_the_chunk_and_the_node() {
        var server = TestServer.start(Backend.H2.newDatabaseUrl(), c -> c.withJobs(
                new Config.JobSettings(Duration.ofMillis(500), Duration.ofMillis(100), 2, "log-node-1")));
        Logger runner = (Logger) LoggerFactory.getLogger(ChunkRunner.class);
        Level level = runner.getLevel();
        runner.setLevel(Level.DEBUG);
        try (var log = new CapturedLog()) {
            var leads = MarkedLeads.mark(server.app().database(), "chunk-log", 1_200);
            String jobId = JobApi.schedule(server.admin(), leads.viewId(), MarkedLeads.JOB_FIELD, "logged");
            var job = server.admin().waitForJobEnd(jobId);
            assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("COMPLETED");

            // the job is COMPLETED when its last chunk commits; that chunk logs its line just after
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (chunkLines(log, jobId).size() < 3 && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            List<ILoggingEvent> chunkLines = chunkLines(log, jobId);
            assertThat(chunkLines).as("a line per chunk").hasSize(3);
            for (var line : chunkLines) {
                assertThat(line.getMDCPropertyMap()).containsEntry("job_id", jobId).containsEntry("node", "log-node-1")
                        .containsKey("chunk");
            }
            assertThat(chunkLines.stream().map(e -> e.getMDCPropertyMap().get("chunk"))).containsExactlyInAnyOrder("0", "1", "2");
            // the same threads log other things afterwards: nothing of the chunk stays behind
            assertThat(log.events().stream().filter(e -> e.getThreadName().equals(chunkLines.get(0).getThreadName()))
                    .filter(e -> !e.getLoggerName().equals(ChunkRunner.class.getName()))
                    .filter(e -> e.getMDCPropertyMap().containsKey("job_id"))
                    .filter(e -> !e.getFormattedMessage().contains(jobId))).isEmpty();
        } finally {
            runner.setLevel(level);
            server.stop();
        }
    }

    private static List<ILoggingEvent> chunkLines(CapturedLog log, String jobId) {
        return log.events().stream()
                .filter(e -> e.getLoggerName().equals(ChunkRunner.class.getName()) && e.getFormattedMessage().contains("of job " + jobId))
                .toList();
    }
}
