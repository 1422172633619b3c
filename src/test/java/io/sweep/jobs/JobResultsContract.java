package io.sweep.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweep.db.Database;
import io.sweep.errors.ErrorCode;
import io.sweep.massupdate.RecordOutcome;
import io.sweep.testsupport.Backend;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How a job's selection and results are stored, read through {@link JobRepository} on a real
 * database: the selection frozen as chunks of ids, results written as each chunk commits, and the
 * records a job has not reached (or never will: it was cancelled) listed as PENDING among them, in
 * record order, whichever way they are read.
 */
abstract class JobResultsContract {
    private static final long ADMIN = 5725767000000000101L;
    private static final long LEADS = 5725767000000010001L;
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.UTC);

    private Database db;
    private JobRepository jobs;
    private String url;

    abstract Backend backend();

    @BeforeEach
    void open() {
        url = backend().newDatabaseUrl();
        db = Database.open(url, null, null, 4);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** A job of 1,200 records (ids 1001, 1003, …): chunk 0 ran, chunk 1 was closed unrun (the job was cancelled), chunk 2 waits. */
    private long cancelledMidway() {
        db.migrate();
        jobs = new JobRepository(db);
        List<Long> ids = LongStream.range(0, 1_200).map(i -> 1_001 + 2 * i).boxed().toList();
        long jobId = db.inTransaction(h -> {
            long id = db.nextId(h);
            jobs.insert(h, new JobRepository.Draft(id, LEADS, ADMIN, Trigger.API, new JobKind.RuleDryRun("r", "v", "{}"), "{}", NOW, ADMIN, false));
            // handed over in no order: frozen in id order
            List<Long> shuffled = new ArrayList<>(ids);
            java.util.Collections.reverse(shuffled);
            assertThat(jobs.freezeRecords(h, id, shuffled)).isEqualTo(1_200);
            jobs.setCounts(h, id, 1_200);
            return id;
        });
        assertThat(count("SELECT COUNT(*) FROM job_chunks WHERE job_id = " + jobId)).as("one row per chunk").isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM job_records WHERE job_id = " + jobId)).as("no result before a chunk runs").isZero();
        db.inTransaction(h -> {
            List<Long> chunk = jobs.chunkRecordIds(h, jobId, 0);
            assertThat(chunk).isEqualTo(ids.subList(0, 500));
            jobs.saveOutcomes(h, jobId, 0, chunk.stream().map(id -> RecordOutcome.failed(id, ErrorCode.INVALID_DATA)).toList());
            jobs.finishChunk(h, jobId, 0, 0, 500, 0, "here", NOW);
            jobs.closeUnrunChunk(h, jobId, 1, "here", NOW);
            return null;
        });
        return jobId;
    }

    /** The same job, had it not been cancelled: chunks 1 and 2 ran too (1 is re-opened as it was before it was closed). */
    private long completed() {
        long jobId = cancelledMidway();
        db.inTransaction(h -> {
            h.execute("UPDATE job_chunks SET status = 'PENDING' WHERE job_id = ? AND chunk_no = 1", jobId);
            for (int chunk = 1; chunk <= 2; chunk++) {
                List<Long> ids = jobs.chunkRecordIds(h, jobId, chunk);
                jobs.saveOutcomes(h, jobId, chunk, ids.stream().map(id -> RecordOutcome.failed(id, ErrorCode.INVALID_DATA)).toList());
                jobs.finishChunk(h, jobId, chunk, 0, ids.size(), 0, "here", NOW);
            }
            return null;
        });
        return jobId;
    }

    private long count(String sql) {
        return db.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static List<String> statuses(List<JobResult> results) {
        return results.stream().map(JobResult::status).distinct().toList();
    }

    @Test
    void a_chunk_that_ran_has_its_results_and_no_ids_left_one_closed_unrun_keeps_its_ids() {
        long jobId = cancelledMidway();
        db.useHandle(h -> {
            assertThat(jobs.chunkRecordIds(h, jobId, 0)).as("a chunk that ran has nothing left to run").isEmpty();
            assertThat(jobs.chunkRecordIds(h, jobId, 1)).hasSize(500);
            assertThat(jobs.chunkRecordIds(h, jobId, 2)).hasSize(200).startsWith(3_001L).endsWith(3_399L);
        });
        assertThat(count("SELECT COUNT(*) FROM job_records WHERE job_id = " + jobId)).isEqualTo(500);
    }

    @Test
    void every_result_is_streamed_in_record_order_with_the_records_not_reached_as_pending() {
        long jobId = cancelledMidway();
        List<JobResult> all = new ArrayList<>();
        jobs.streamResults(jobId, null, all::add);
        assertThat(all).extracting(JobResult::recordId).isEqualTo(LongStream.range(0, 1_200).map(i -> 1_001 + 2 * i).boxed().toList());
        assertThat(statuses(all.subList(0, 500))).containsExactly("FAILED");
        assertThat(statuses(all.subList(500, 1_200))).containsExactly("PENDING");

        List<JobResult> pending = new ArrayList<>();
        jobs.streamResults(jobId, "PENDING", pending::add);
        assertThat(pending).extracting(JobResult::recordId).isEqualTo(all.subList(500, 1_200).stream().map(JobResult::recordId).toList());
        List<JobResult> failed = new ArrayList<>();
        jobs.streamResults(jobId, "FAILED", failed::add);
        assertThat(failed).hasSize(500);
    }

    @Test
    void a_page_of_results_crosses_from_a_chunk_that_ran_to_one_that_did_not() {
        long jobId = cancelledMidway();
        List<JobResult> page = jobs.resultsPage(jobId, null, 450, 100);
        assertThat(page).extracting(JobResult::recordId).isEqualTo(LongStream.range(450, 550).map(i -> 1_001 + 2 * i).boxed().toList());
        assertThat(statuses(page.subList(0, 50))).containsExactly("FAILED");
        assertThat(statuses(page.subList(50, 100))).containsExactly("PENDING");

        assertThat(jobs.resultsPage(jobId, "PENDING", 650, 100)).extracting(JobResult::recordId)
                .isEqualTo(LongStream.range(1_150, 1_200).map(i -> 1_001 + 2 * i).boxed().toList());
        assertThat(jobs.resultsPage(jobId, null, 1_200, 10)).isEmpty();
        assertThat(jobs.resultsPage(jobId, "FAILED", 490, 100)).hasSize(10);
    }

    @Test
    void pages_of_a_job_whose_chunks_all_have_results_are_found_by_the_chunks_counts_down_to_the_last() {
        long jobId = completed();
        assertThat(jobs.resultsPage(jobId, null, 450, 100)).extracting(JobResult::recordId)
                .isEqualTo(LongStream.range(450, 550).map(i -> 1_001 + 2 * i).boxed().toList());
        assertThat(jobs.resultsPage(jobId, null, 1_150, 100)).extracting(JobResult::recordId)
                .isEqualTo(LongStream.range(1_150, 1_200).map(i -> 1_001 + 2 * i).boxed().toList());
        assertThat(statuses(jobs.resultsPage(jobId, null, 0, 1_200))).containsExactly("FAILED");
        assertThat(jobs.resultsPage(jobId, "PENDING", 0, 10)).isEmpty();
    }

    @Test
    void the_records_a_cancelled_job_never_reached_go_when_its_results_are_purged() {
        long jobId = cancelledMidway();
        assertThat(jobs.end(jobId, JobStatus.CANCELLED, "cancelled", NOW)).isTrue();
        assertThat(jobs.markResultsPurged(jobId, NOW.plusDays(1), NOW.plusDays(1))).isTrue();
        List<JobResult> pending = new ArrayList<>();
        jobs.streamResults(jobId, "PENDING", pending::add);
        assertThat(pending).isEmpty();
        assertThat(jobs.resultOf(jobId, 2_001, null)).isEmpty();
    }

    @Test
    void one_record_is_found_whether_it_has_a_result_or_is_pending_and_not_when_the_job_did_not_select_it() {
        long jobId = cancelledMidway();
        assertThat(jobs.resultOf(jobId, 1_001, null)).extracting(JobResult::status).containsExactly("FAILED");
        assertThat(jobs.resultOf(jobId, 2_001, null)).extracting(JobResult::status).containsExactly("PENDING");
        assertThat(jobs.resultOf(jobId, 3_399, "PENDING")).extracting(JobResult::status).containsExactly("PENDING");
        assertThat(jobs.resultOf(jobId, 1_001, "PENDING")).isEmpty();
        assertThat(jobs.resultOf(jobId, 2_001, "FAILED")).isEmpty();
        // between two selected ids, and past the last
        assertThat(jobs.resultOf(jobId, 2_002, null)).isEmpty();
        assertThat(jobs.resultOf(jobId, 9_999, null)).isEmpty();
    }

    @Test
    void a_job_frozen_before_chunks_held_their_ids_keeps_its_pending_records_and_results_through_the_migration() {
        // the schema as it was: a PENDING row per record not yet reached
        Flyway.configure().dataSource(url, null, null).locations("classpath:migrations").target("20").load().migrate();
        db.useHandle(h -> {
            h.execute("INSERT INTO jobs (id, module_id, user_id, trigger_type, status, request, total_count, chunk_count, created_time) "
                    + "VALUES (7, ?, ?, 'api', 'CANCELLED', '{}', 4, 2, CURRENT_TIMESTAMP)", LEADS, ADMIN);
            h.execute("INSERT INTO job_chunks (job_id, chunk_no, status) VALUES (7, 0, 'DONE'), (7, 1, 'DONE')");
            h.execute("INSERT INTO job_records (job_id, record_id, chunk_no, status) VALUES "
                    + "(7, 10, 0, 'UPDATED'), (7, 12, 0, 'FAILED'), (7, 30, 1, 'PENDING'), (7, 21, 1, 'PENDING')");
        });
        db.migrate();
        jobs = new JobRepository(db);

        List<JobResult> all = new ArrayList<>();
        jobs.streamResults(7, null, all::add);
        assertThat(all).extracting(JobResult::recordId).containsExactly(10L, 12L, 21L, 30L);
        assertThat(all).extracting(JobResult::status).containsExactly("UPDATED", "FAILED", "PENDING", "PENDING");
        assertThat(jobs.resultOf(7, 30, null)).extracting(JobResult::status).containsExactly("PENDING");
        assertThat(count("SELECT COUNT(*) FROM job_records WHERE status = 'PENDING'")).isZero();
        assertThat(count("SELECT SUM(record_count) FROM job_chunks WHERE job_id = 7")).isEqualTo(4);
    }
}
