package io.sweep.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.db.Database;
import io.sweep.testsupport.SharedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §4 scale-out: two Sweep processes on one PostgreSQL share a job's chunks; one is
 * killed with SIGKILL mid-job and the other runs the chunks it held and finishes the job, every
 * record updated exactly once with exact counts.
 */
@Tag("postgres")
class JobFailoverPostgresTest {
    private static final int RECORDS = 45_000;
    private static final String NEW_VALUE = "@swept-by-two-nodes";

    private final List<SweepProcess> nodes = new ArrayList<>();
    private final Path logs = SweepProcess.logDir("JobFailoverPostgresTest");

    @AfterEach
    void killNodes() {
        synchronized (nodes) {
            nodes.forEach(SweepProcess::close);
        }
    }

    private SweepProcess start(String name, String url) {
        var node = SweepProcess.start(name, url, logs);
        synchronized (nodes) {
            nodes.add(node);
        }
        return node;
    }

    @Test
    void a_node_killed_mid_job_leaves_its_chunks_to_the_other_which_finishes_the_job() {
        String url = SharedPostgres.newDatabase();
        // both start at once on the empty database: migrations, schema and demo seeding happen once
        var startA = CompletableFuture.supplyAsync(() -> start("pg-a", url));
        var startB = CompletableFuture.supplyAsync(() -> start("pg-b", url));
        SweepProcess a;
        SweepProcess b;
        try {
            a = startA.join();
            b = startB.join();
        } catch (CompletionException e) {
            CompletableFuture.allOf(startA, startB).exceptionally(x -> null).join();
            throw e;
        }

        try (Database db = Database.open(url, null, null, 2)) {
            MarkedLeads leads = MarkedLeads.mark(db, "failover-pg", RECORDS);
            int chunks = (RECORDS + JobRepository.CHUNK_SIZE - 1) / JobRepository.CHUNK_SIZE;

            Instant scheduled = Instant.now();
            String jobId = JobApi.schedule(a.admin(), leads.viewId(), MarkedLeads.JOB_FIELD, NEW_VALUE);
            long job = Long.parseLong(jobId);

            // wait until both nodes have run chunks, a fifth of the job is done and b is in the middle of some
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            Map<String, Integer> doneBy = Map.of();
            List<Integer> heldBeforeKill;
            while (true) {
                assertThat(Instant.now()).as("both nodes running the job; chunks by node %s", doneBy).isBefore(deadline);
                doneBy = MarkedLeads.chunksDoneBy(db, job);
                int done = doneBy.values().stream().mapToInt(Integer::intValue).sum();
                assertThat(done).as("the job ended before both nodes ran chunks: %s", doneBy).isLessThan(chunks);
                heldBeforeKill = picked(db, "pg-b", job);
                if (doneBy.getOrDefault("pg-a", 0) > 0 && doneBy.getOrDefault("pg-b", 0) > 0 && done >= chunks / 5
                        && !heldBeforeKill.isEmpty()) break;
                SweepProcess.sleep(10);
            }
            b.kill();
            Instant killed = Instant.now();
            // a COMMIT b had sent before it died still lands; a cannot declare b dead for seconds yet
            SweepProcess.sleep(500);
            Map<String, Integer> doneAtKill = MarkedLeads.chunksDoneBy(db, job);
            // what b had picked just before the kill and still holds after it (a may not have declared it dead yet)
            List<Integer> held = new ArrayList<>(new java.util.TreeSet<>(heldBeforeKill));
            picked(db, "pg-b", job).stream().filter(c -> !held.contains(c)).forEach(held::add);
            List<Integer> unfinished = pending(db, job, held);

            // a must notice b is dead, take over its executions and run the chunks b left unfinished
            Instant takeOverDeadline = Instant.now().plus(Duration.ofMinutes(3));
            while (!picked(db, "pg-b", job).isEmpty() || !pending(db, job, unfinished).isEmpty()) {
                assertThat(Instant.now()).as("a takes over b's chunks %s", held).isBefore(takeOverDeadline);
                SweepProcess.sleep(20);
            }
            Instant takenOver = Instant.now();

            JsonNode done = JobApi.awaitEnd(a.admin(), jobId, Duration.ofMinutes(5));
            Instant completed = Instant.now();
            assertThat(done.get("Status").asText()).as(done.toString()).isEqualTo("COMPLETED");
            assertThat(done.get("Total_Count").asInt()).isEqualTo(RECORDS);
            assertThat(done.get("Updated_Count").asInt()).isEqualTo(RECORDS);
            assertThat(done.get("Failed_Count").asInt()).isZero();
            assertThat(done.get("Not_Updated_Count").asInt()).isZero();

            leads.assertUpdatedExactlyOnce(db, job, NEW_VALUE);
            Map<String, Integer> doneByEnd = MarkedLeads.chunksDoneBy(db, job);
            assertThat(doneByEnd.keySet()).containsExactlyInAnyOrder("pg-a", "pg-b");
            assertThat(doneByEnd.get("pg-b")).as("b ran nothing after its death").isEqualTo(doneAtKill.get("pg-b"));
            for (int chunk : unfinished) {
                assertThat(doneBy(db, job, chunk)).as("chunk %d b left unfinished", chunk).isEqualTo("pg-a");
            }
            a.stop();

            System.out.printf("""
                            [failover PG] %,d-record job (%d chunks), 2 nodes; b killed (SIGKILL) after %d ms, chunks done by then %s
                            [failover PG] b held %d chunk executions when killed (%s), %d of them not committed %s
                            [failover PG] survivor took %d ms from the kill to run every chunk b held
                            [failover PG] job COMPLETED %d ms after scheduling; chunks by node %s
                            """,
                    RECORDS, chunks, Duration.between(scheduled, killed).toMillis(), doneAtKill,
                    held.size(), held, unfinished.size(), unfinished,
                    Duration.between(killed, takenOver).toMillis(),
                    Duration.between(scheduled, completed).toMillis(), doneByEnd);
        }
    }

    /** The chunks of the job whose executions this node has picked (running, or dead with it). */
    private static List<Integer> picked(Database db, String node, long job) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT task_instance FROM scheduled_tasks
                        WHERE task_name = :task AND picked AND picked_by = :node AND task_instance LIKE :prefix""")
                .bind("task", JobScheduler.CHUNK_TASK).bind("node", node).bind("prefix", job + "-%")
                .mapTo(String.class)
                .map(instance -> Integer.parseInt(instance.substring(instance.lastIndexOf('-') + 1)))
                .list());
    }

    /** Those of the chunks still PENDING. */
    private static List<Integer> pending(Database db, long job, List<Integer> chunks) {
        if (chunks.isEmpty()) return List.of();
        return db.withHandle(h -> h.createQuery(
                        "SELECT chunk_no FROM job_chunks WHERE job_id = :job AND status = 'PENDING' AND chunk_no IN (<chunks>) ORDER BY chunk_no")
                .bind("job", job).bindList("chunks", chunks).mapTo(Integer.class).list());
    }

    private static String doneBy(Database db, long job, int chunk) {
        return db.withHandle(h -> h.createQuery("SELECT done_by FROM job_chunks WHERE job_id = :job AND chunk_no = :chunk AND status = 'DONE'")
                .bind("job", job).bind("chunk", chunk).mapTo(String.class).findOne().orElse(null));
    }
}
