package io.sweep.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Undo of some fields of a job, undo again of what an earlier undo left, and conflicts that name
 * the later change: {@code POST /api/jobs/{id}/undo} with and without {@code {"fields":[…]}}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UndoApiContract {
    private static final String[] SCOPES = {"ZohoCRM.mass_update.ALL", "ZohoCRM.modules.ALL", "Sweep.rules.READ"};

    /** A job setting two fields is a rule's (a mass update sets one): rules of the tests' own, in a folder of their own. */
    private Path rulesDir;
    private TestServer server;
    private AdminFixtures fx;
    private Http admin;

    abstract Backend backend();

    @BeforeAll
    void start() throws IOException {
        rulesDir = Files.createTempDirectory("sweep-undo-rules");
        // two fields a write on Leads (one elsewhere, as in Zoho)
        server = TestServer.start(backend().newDatabaseUrl(),
                config -> config.withRulesDir(rulesDir).withLimits(io.sweep.massupdate.Limits.parse("1,Leads:2")));
        fx = new AdminFixtures(server);
        admin = server.admin();
    }

    @AfterAll
    void stop() throws IOException {
        if (server != null) server.stop();
        try (var files = Files.list(rulesDir)) {
            for (Path file : files.toList()) Files.deleteIfExists(file);
        }
        Files.deleteIfExists(rulesDir);
    }

    @Test
    void an_undo_of_some_fields_puts_back_those_and_a_later_undo_the_others() {
        Setup s = twoFieldJob(admin, "admin@sweep.local", "Subset");
        JsonNode job = admin.get("/api/jobs/" + s.job()).json();
        assertThat(job.get("undo_fields")).hasSize(2);
        assertThat(field(job, "Lead_Status").get("records").asInt()).isEqualTo(3);
        assertThat(field(job, "Lead_Status").get("put_back").asInt()).isZero();

        var first = admin.post("/api/jobs/" + s.job() + "/undo", "{\"fields\":[\"Lead_Status\"]}");
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(first.json().get("request").get("fields")).extracting(JsonNode::asText).containsExactly("Lead_Status");
        String firstId = first.json().get("id").asText();
        JsonNode firstDone = fx.waitForEnd(firstId);
        assertThat(firstDone.get("Updated_Count").asInt()).isEqualTo(3);
        for (String lead : s.leads()) {
            assertThat(fx.lead(lead).get("Lead_Status").asText()).isEqualTo("Not Contacted");
            assertThat(fx.lead(lead).get("Twitter").asText()).as("a field not chosen stays").isEqualTo("@new");
        }
        for (JsonNode r : admin.get("/api/jobs/" + firstId + "/results").json().get("results")) {
            assertThat(r.get("changes")).extracting(c -> c.get("field").asText()).containsExactly("Lead_Status");
        }
        job = admin.get("/api/jobs/" + s.job()).json();
        assertThat(job.get("undone_by").isNull()).as("Twitter is left to put back").isTrue();
        assertThat(job.get("undos")).extracting(JsonNode::asText).containsExactly(firstId);
        assertThat(field(job, "Lead_Status").get("put_back").asInt()).isEqualTo(3);
        assertThat(field(job, "Twitter").get("put_back").asInt()).isZero();

        var twice = admin.post("/api/jobs/" + s.job() + "/undo", "{\"fields\":[\"Lead_Status\"]}");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().get("code").asText()).isEqualTo("INVALID_DATA");
        assertThat(twice.json().get("message").asText()).isEqualTo("this field was already put back");
        assertThat(twice.json().get("details").get("api_name").asText()).isEqualTo("Lead_Status");

        // someone sets Lead_Status to what the job wrote: the undo of the rest must not put it back a second time
        assertThat(admin.put("/crm/v2/Leads/" + s.leads().get(0), "{\"data\":[{\"Lead_Status\":\"Contacted\"}]}").status()).isEqualTo(200);
        var rest = admin.post("/api/jobs/" + s.job() + "/undo", "");
        assertThat(rest.status()).as(rest.body()).isEqualTo(202);
        String restId = rest.json().get("id").asText();
        assertThat(fx.waitForEnd(restId).get("Updated_Count").asInt()).isEqualTo(3);
        for (JsonNode r : admin.get("/api/jobs/" + restId + "/results").json().get("results")) {
            assertThat(r.get("changes")).extracting(c -> c.get("field").asText()).containsExactly("Twitter");
        }
        assertThat(fx.lead(s.leads().get(0)).get("Lead_Status").asText()).isEqualTo("Contacted");
        for (String lead : s.leads()) assertThat(fx.lead(lead).get("Twitter").asText()).isEqualTo("@old");
        job = admin.get("/api/jobs/" + s.job()).json();
        assertThat(job.get("undone_by").asText()).isEqualTo(restId);
        assertThat(job.get("undos")).extracting(JsonNode::asText).containsExactly(firstId, restId);
        assertThat(admin.post("/api/jobs/" + s.job() + "/undo", "").json().get("message").asText()).isEqualTo("this job was already undone");
    }

    @Test
    void a_field_that_does_not_exist_or_that_the_job_did_not_set_is_400_INVALID_DATA_and_starts_nothing() {
        Setup s = twoFieldJob(admin, "admin@sweep.local", "Bad fields");
        for (String field : List.of("No_Such_Field", "Rating")) {
            var response = admin.post("/api/jobs/" + s.job() + "/undo", "{\"fields\":[\"Lead_Status\",\"" + field + "\"]}");
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.json().get("code").asText()).isEqualTo("INVALID_DATA");
            assertThat(response.json().get("status").asText()).isEqualTo("error");
            assertThat(response.json().get("message").asText()).isEqualTo("the job did not change this field");
            assertThat(response.json().get("details").get("api_name").asText()).isEqualTo(field);
        }
        for (String body : List.of("{\"fields\":[]}", "{\"fields\":\"Lead_Status\"}", "{\"fields\":[1]}", "[\"Lead_Status\"]")) {
            var response = admin.post("/api/jobs/" + s.job() + "/undo", body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.json().get("code").asText()).isEqualTo("INVALID_DATA");
            assertThat(response.json().get("details").get("api_name").asText()).isEqualTo("fields");
        }
        assertThat(admin.get("/api/jobs/" + s.job()).json().get("undos")).isEmpty();
        for (String lead : s.leads()) assertThat(fx.lead(lead).get("Lead_Status").asText()).isEqualTo("Contacted");
    }

    @Test
    void a_conflict_names_the_later_change_and_an_undo_again_puts_the_record_back_once_it_is_resolved() {
        String company = "Retry " + UUID.randomUUID();
        List<String> leads = fx.leads(company, 4, i -> "\"Rating\":\"Project Cancelled\"");
        String job = fx.schedule(fx.view(company), "Rating", "\"Active\"");
        fx.waitForEnd(job);
        String changed = leads.get(1);
        assertThat(admin.put("/crm/v2/Leads/" + changed, "{\"data\":[{\"Rating\":\"Shut Down\"}]}").status()).isEqualTo(200);
        int changedVersion = fx.version(changed);

        String first = admin.post("/api/jobs/" + job + "/undo", "").json().get("id").asText();
        JsonNode firstDone = fx.waitForEnd(first);
        assertThat(firstDone.get("Updated_Count").asInt()).isEqualTo(3);
        assertThat(firstDone.get("Failed_Count").asInt()).isEqualTo(1);
        JsonNode conflict = admin.get("/api/jobs/" + first + "/results?status=failed").json().get("results").get(0);
        assertThat(conflict.get("id").asText()).isEqualTo(changed);
        assertThat(conflict.get("code").asText()).isEqualTo("CONFLICT");
        JsonNode later = conflict.get("conflict");
        assertThat(later.get("field").asText()).isEqualTo("Rating");
        assertThat(later.get("version").asInt()).isEqualTo(changedVersion);
        assertThat(later.get("action").asText()).isEqualTo("update");
        assertThat(later.get("trigger").asText()).isEqualTo("api");
        assertThat(later.get("job_id").isNull()).isTrue();
        assertThat(later.get("time").asText()).isNotBlank();
        assertThat(later.get("started_by").get("email").asText()).isEqualTo("admin@sweep.local");
        assertThat(conflict.get("message").asText()).startsWith("Rating changed since the job updated it (Rating set at ")
                .contains("by Ada Admin").endsWith("; left as it is");
        String csv = admin.get("/api/jobs/" + first + "/results?format=csv&status=failed").body();
        assertThat(csv).startsWith("id,status,code,message,changes,conflict\r\n").contains(",Rating set at ").contains(" · by Ada Admin");
        assertThat(admin.get("/api/jobs/" + first + "/results?status=updated").json().get("results").get(0).get("conflict").isNull()).isTrue();

        JsonNode undone = admin.get("/api/jobs/" + job).json();
        assertThat(undone.get("undone_by").isNull()).as("an undo that left a conflict may run again").isTrue();
        assertThat(field(undone, "Rating").get("put_back").asInt()).isEqualTo(3);
        List<Integer> versionsAfterFirst = leads.stream().map(fx::version).toList();

        // not resolved yet: an undo again conflicts again and writes nothing
        String stillConflicting = admin.post("/api/jobs/" + job + "/undo", "").json().get("id").asText();
        JsonNode still = fx.waitForEnd(stillConflicting);
        assertThat(still.get("Total_Count").asInt()).as("only what is left to put back").isEqualTo(1);
        assertThat(still.get("Failed_Count").asInt()).isEqualTo(1);
        assertThat(leads.stream().map(fx::version).toList()).isEqualTo(versionsAfterFirst);

        // resolved: the record holds the job's value again
        assertThat(admin.put("/crm/v2/Leads/" + changed, "{\"data\":[{\"Rating\":\"Active\"}]}").status()).isEqualTo(200);
        var retry = admin.post("/api/jobs/" + job + "/undo", "");
        assertThat(retry.status()).as(retry.body()).isEqualTo(202);
        String retryId = retry.json().get("id").asText();
        JsonNode retried = fx.waitForEnd(retryId);
        assertThat(retried.get("Total_Count").asInt()).isEqualTo(1);
        assertThat(retried.get("Updated_Count").asInt()).isEqualTo(1);
        for (String lead : leads) assertThat(fx.lead(lead).get("Rating").asText()).isEqualTo("Project Cancelled");
        for (int i = 0; i < leads.size(); i++) {
            int expected = leads.get(i).equals(changed) ? versionsAfterFirst.get(i) + 2 : versionsAfterFirst.get(i);
            assertThat(fx.version(leads.get(i))).as("written once by the undos: " + leads.get(i)).isEqualTo(expected);
        }
        undone = admin.get("/api/jobs/" + job).json();
        assertThat(undone.get("undone_by").asText()).isEqualTo(retryId);
        assertThat(undone.get("undos")).extracting(JsonNode::asText).containsExactly(first, stillConflicting, retryId);
    }

    @Test
    void a_conflict_names_the_later_job_that_changed_the_field() {
        String company = "Later job " + UUID.randomUUID();
        List<String> leads = fx.leads(company, 2, i -> "\"Rating\":\"Project Cancelled\"");
        String cvid = fx.view(company);
        String job = fx.schedule(cvid, "Rating", "\"Active\"");
        fx.waitForEnd(job);
        String laterJob = fx.schedule(cvid, "Rating", "\"Shut Down\"");
        fx.waitForEnd(laterJob);

        String undo = admin.post("/api/jobs/" + job + "/undo", "").json().get("id").asText();
        assertThat(fx.waitForEnd(undo).get("Failed_Count").asInt()).isEqualTo(2);
        for (JsonNode r : admin.get("/api/jobs/" + undo + "/results").json().get("results")) {
            assertThat(r.get("code").asText()).isEqualTo("CONFLICT");
            assertThat(r.get("conflict").get("job_id").asText()).isEqualTo(laterJob);
            assertThat(r.get("conflict").get("action").asText()).isEqualTo("mass_update");
            assertThat(r.get("conflict").get("run_as").get("email").asText()).isEqualTo("admin@sweep.local");
            assertThat(r.get("message").asText()).contains(" · job " + laterJob + " · by Ada Admin");
        }
        for (String lead : leads) assertThat(fx.lead(lead).get("Rating").asText()).isEqualTo("Shut Down");
    }

    @Test
    void two_undos_asked_at_once_start_one_job_and_put_each_field_back_once() throws Exception {
        String company = "At once " + UUID.randomUUID();
        List<String> leads = fx.leads(company, 3, i -> "\"Rating\":\"Project Cancelled\"");
        String job = fx.schedule(fx.view(company), "Rating", "\"Active\"");
        fx.waitForEnd(job);
        assertThat(admin.put("/crm/v2/Leads/" + leads.get(0), "{\"data\":[{\"Rating\":\"Shut Down\"}]}").status()).isEqualTo(200);
        fx.waitForEnd(admin.post("/api/jobs/" + job + "/undo", "").json().get("id").asText());
        assertThat(admin.put("/crm/v2/Leads/" + leads.get(0), "{\"data\":[{\"Rating\":\"Active\"}]}").status()).isEqualTo(200);
        int resolvedVersion = fx.version(leads.get(0));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            Callable<Http.Response> retry = () -> {
                go.await();
                return admin.post("/api/jobs/" + job + "/undo", "");
            };
            List<Future<Http.Response>> calls = List.of(pool.submit(retry), pool.submit(retry));
            go.countDown();
            List<Http.Response> answers = new ArrayList<>();
            for (var call : calls) answers.add(call.get());
            List<Http.Response> started = answers.stream().filter(a -> a.status() == 202).toList();
            assertThat(started).as(answers.stream().map(Http.Response::body).toList().toString()).hasSize(1);
            Http.Response refused = answers.stream().filter(a -> a.status() != 202).findFirst().orElseThrow();
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("code").asText()).isEqualTo("INVALID_DATA");
            fx.waitForEnd(started.get(0).json().get("id").asText());
        } finally {
            pool.shutdownNow();
        }
        assertThat(fx.version(leads.get(0))).as("put back once").isEqualTo(resolvedVersion + 1);
        assertThat(fx.lead(leads.get(0)).get("Rating").asText()).isEqualTo("Project Cancelled");
        assertThat(admin.get("/api/jobs/" + job).json().get("undos")).hasSize(2);
    }

    /** Each profile undoes some fields of its own job, then the rest; another user's job is not theirs to undo. */
    @Test
    void each_profile_undoes_some_fields_of_its_own_job_and_then_the_rest_but_not_another_users_job() {
        Setup adminJob = twoFieldJob(admin, "admin@sweep.local", "Rights admin");
        for (String email : List.of("admin@sweep.local", "sales@sweep.local", "rep@sweep.local")) {
            Http user = email.equals("admin@sweep.local") ? admin : fx.tokenFor(email, SCOPES);
            Setup own = email.equals("admin@sweep.local") ? adminJob : twoFieldJob(user, email, "Rights " + email);
            var some = user.post("/api/jobs/" + own.job() + "/undo", "{\"fields\":[\"Twitter\"]}");
            assertThat(some.status()).as(email + " " + some.body()).isEqualTo(202);
            assertThat(fx.waitForEnd(some.json().get("id").asText()).get("Updated_Count").asInt()).as(email).isEqualTo(3);
            var rest = user.post("/api/jobs/" + own.job() + "/undo", "");
            assertThat(rest.status()).as(email + " " + rest.body()).isEqualTo(202);
            assertThat(fx.waitForEnd(rest.json().get("id").asText()).get("Updated_Count").asInt()).as(email).isEqualTo(3);
            for (String lead : own.leads()) {
                assertThat(fx.lead(lead).get("Twitter").asText()).isEqualTo("@old");
                assertThat(fx.lead(lead).get("Lead_Status").asText()).isEqualTo("Not Contacted");
            }

            Http reader = fx.tokenFor(email, "ZohoCRM.mass_update.READ");
            var noScope = reader.post("/api/jobs/" + own.job() + "/undo", "{\"fields\":[\"Twitter\"]}");
            assertThat(noScope.status()).as(email).isEqualTo(401);
            assertThat(noScope.json().get("code").asText()).isEqualTo("OAUTH_SCOPE_MISMATCH");
            if (!email.equals("admin@sweep.local")) {
                var foreign = user.post("/api/jobs/" + adminJob.job() + "/undo", "{\"fields\":[\"Lead_Status\"]}");
                assertThat(foreign.status()).as(email).isEqualTo(404);
                assertThat(foreign.json().get("code").asText()).isEqualTo("NOT_FOUND");
            }
        }
    }

    /**
     * Three leads owned by {@code ownerEmail}, a view of theirs, and a rule of theirs that sets
     * Lead_Status and Twitter on the view's leads, run by them: the job. Tokens need the scopes
     * {@link #SCOPES}.
     */
    private record Setup(String job, List<String> leads) {}

    private Setup twoFieldJob(Http as, String ownerEmail, String name) {
        String company = name + " " + UUID.randomUUID();
        long owner = fx.userId(ownerEmail);
        List<String> leads = fx.leads(company, 3, i -> "\"Twitter\":\"@old\",\"Owner\":{\"id\":\"" + owner + "\"}");
        String cvid = fx.view(company, ownerEmail);
        String rule = "undo-" + UUID.randomUUID();
        var put = admin.put("/api/rules/" + rule, """
                export const rule = {
                  module: "Leads",
                  select: { cvid: "%s" },
                  runAs: "%s",
                  allow: { users: ["%s"] },
                };
                export function update(record, ctx) { return { Lead_Status: "Contacted", Twitter: "@new" }; }
                """.formatted(cvid, ownerEmail, ownerEmail));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        var run = as.post("/api/rules/" + rule + "/run", "");
        assertThat(run.status()).as(run.body()).isEqualTo(202);
        String job = run.json().get("id").asText();
        JsonNode ended = fx.waitForEnd(job);
        assertThat(ended.get("Updated_Count").asInt()).as(ownerEmail + " " + admin.get("/api/jobs/" + job + "/results").body()).isEqualTo(3);
        return new Setup(job, leads);
    }

    private static JsonNode field(JsonNode job, String name) {
        for (JsonNode f : job.get("undo_fields")) if (f.get("field").asText().equals(name)) return f;
        throw new AssertionError("no " + name + " in " + job.get("undo_fields"));
    }
}
