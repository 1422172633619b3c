package io.sweep.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweep.crm.criteria.Criteria;
import io.sweep.crm.criteria.CriteriaLimits;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On an H2 file (Sweep's default), where one transaction writes at a time, a read of records does
 * not wait for a long write nor for other users' costly criteria: an administrator's read of one
 * record answers while a write transaction is open and four threads of a sales rep count the
 * costliest criteria Sweep accepts.
 */
@Tag("slow")
class ReadsBesideTheWriterH2FileTest {
    private static Path dir;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("sweep-reads");
        server = TestServer.start("jdbc:h2:file:" + dir.resolve("sweep").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE", c -> c);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.stop();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * The costliest criteria the limits let through: as many conditions as allowed, joined by or
     * (nothing matches, so every condition is evaluated on every record), the most text-test values
     * (each a LIKE on every record), and the rest of the values in not_in lists.
     */
    static String costliestAcceptedCriteria() {
        List<String> conditions = new ArrayList<>();
        String[] textFields = {"Company", "Last_Name", "First_Name", "City", "Street", "Designation", "State", "Country"};
        int patterns = CriteriaLimits.MAX_PATTERN_VALUES;
        int values = 0;
        for (int c = 0; c < patterns; c++) {
            conditions.add(condition("contains", textFields[c % textFields.length], List.of("zq" + c + "qz")));
            values++;
        }
        int left = Criteria.MAX_CONDITIONS - conditions.size();
        for (int c = 0; c < left && values < CriteriaLimits.MAX_TOTAL_VALUES; c++) {
            int n = Math.min(Criteria.MAX_VALUES, CriteriaLimits.MAX_TOTAL_VALUES - values);
            final int cond = c;
            conditions.add(condition("in", textFields[c % textFields.length],
                    IntStream.range(0, n).mapToObj(v -> "zq" + cond + "v" + v).toList()));
            values += n;
        }
        if (conditions.size() > Criteria.MAX_CONDITIONS) throw new AssertionError("too many conditions: " + conditions.size());
        return "{\"group_operator\":\"or\",\"group\":[" + String.join(",", conditions) + "]}";
    }

    private static String condition(String comparator, String field, List<String> values) {
        return "{\"comparator\":\"" + comparator + "\",\"field\":{\"api_name\":\"" + field + "\"},\"value\":["
                + values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",")) + "]}";
    }

    @Test
    void an_administrators_record_read_answers_during_a_long_write_and_a_reps_costliest_accepted_criteria() throws Exception {
        Http admin = server.admin();
        Http rep = server.tokenFor("rep@sweep.local", "ZohoCRM.settings.ALL", "ZohoCRM.modules.ALL");
        String leadId = admin.get("/crm/v2/Leads?per_page=1").json().get("data").get(0).get("id").asText();
        String countBody = "{\"module\":\"Leads\",\"criteria\":" + costliestAcceptedCriteria() + "}";

        long alone = System.nanoTime();
        var first = rep.post("/api/views/count", countBody);
        assertThat(first.status()).as("the criteria are accepted: " + first.body()).isEqualTo(200);
        System.out.printf("the costliest accepted criteria, counted alone: %d ms%n", (System.nanoTime() - alone) / 1_000_000);

        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch endWrite = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        var db = server.app().database();
        try {
            // a long write: a transaction that holds H2's one writer until the test ends it
            Future<?> write = pool.submit(() -> db.useHandle(h -> h.useTransaction(tx -> {
                tx.createUpdate("UPDATE rec_leads SET version = version WHERE id = :id").bind("id", Long.parseLong(leadId)).execute();
                writing.countDown();
                await(endWrite);
            })));
            assertThat(writing.await(60, TimeUnit.SECONDS)).isTrue();

            List<Future<List<Integer>>> reps = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                reps.add(pool.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    while (!stop.get()) {
                        long started = System.nanoTime();
                        var answer = rep.post("/api/views/count", countBody);
                        statuses.add(answer.status());
                        System.out.printf("  rep count: %d ms, %d %s%n", (System.nanoTime() - started) / 1_000_000, answer.status(),
                                answer.status() == 200 ? "" : answer.body());
                    }
                    return statuses;
                }));
            }
            Thread.sleep(300); // let the reps' counts get going

            long started = System.nanoTime();
            Future<Http.Response> read = Executors.newSingleThreadExecutor().submit(() -> admin.get("/crm/v2/Leads/" + leadId));
            Http.Response answer;
            boolean answeredDuringWrite;
            try {
                // not a time limit on the read: the safety net that ends the write if the read waits for it
                answer = read.get(120, TimeUnit.SECONDS);
                answeredDuringWrite = !write.isDone();
            } catch (java.util.concurrent.TimeoutException e) {
                endWrite.countDown();
                answer = read.get(120, TimeUnit.SECONDS);
                answeredDuringWrite = false;
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("the administrator's record read answered in %d ms, during the write: %s%n", millis, answeredDuringWrite);

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().get("data").get(0).get("id").asText()).isEqualTo(leadId);
            assertThat(answeredDuringWrite).as("the read did not wait for the open write").isTrue();

            stop.set(true);
            endWrite.countDown();
            write.get(60, TimeUnit.SECONDS);
            // on a busy machine a count may run past the read timeout: a clear 400, never a 500 nor a hang
            for (var r : reps) assertThat(r.get(120, TimeUnit.SECONDS)).as("every rep count answers").isNotEmpty().isSubsetOf(200, 400);
        } finally {
            stop.set(true);
            endWrite.countDown();
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(5, TimeUnit.MINUTES)) throw new AssertionError("the write was never ended");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
