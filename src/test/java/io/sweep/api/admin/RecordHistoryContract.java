package io.sweep.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.demo.DemoData;
import io.sweep.hooks.WebhookSignature;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /api/records/{module}/{id}/history}: every way Sweep writes a record shows in its
 * history with its job, rule, version, trigger and people, and each caller sees only the records
 * and fields they may read. On a server of its own (its rules folder, a field hidden from the
 * Sales Rep profile), on H2 and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RecordHistoryContract {
    private static final String RULE = "history-rule";

    private Path rulesDir;
    private TestServer server;
    private AdminFixtures fx;
    private Http admin;
    private Http sales;
    private Http rep;

    abstract Backend backend();

    @BeforeAll
    void start() throws IOException {
        rulesDir = Files.createTempDirectory("sweep-record-history");
        Files.writeString(rulesDir.resolve(RULE + ".js"), """
                export const rule = {
                  module: "Leads",
                  select: { criteria: "(Company:equals:History Rule Co)" },
                  triggers: { webhook: true },
                  runAs: "admin@sweep.local",
                  allow: { users: ["sales@sweep.local"] },
                };
                export function update(record, ctx) { return { Designation: "by rule " + ctx.now }; }
                """);
        server = TestServer.start(backend().newDatabaseUrl(), config -> config.withRulesDir(rulesDir));
        fx = new AdminFixtures(server);
        admin = server.admin();
        String scopes = "ZohoCRM.mass_update.ALL";
        sales = server.tokenFor(DemoData.SALES_EMAIL, scopes, "ZohoCRM.modules.ALL", "Sweep.rules.READ");
        rep = server.tokenFor(DemoData.REP_EMAIL, scopes, "ZohoCRM.modules.ALL", "Sweep.rules.READ");
        long website = server.app().metadata().module("Leads").orElseThrow().field("Website").orElseThrow().id();
        server.app().database().useHandle(h -> h.createUpdate(
                        "INSERT INTO profile_field_restrictions (profile_id, field_id, access) VALUES (:p, :f, 'hidden')")
                .bind("p", DemoData.SALES_REP_PROFILE_ID).bind("f", website).execute());
    }

    @AfterAll
    void stop() {
        if (server != null) server.stop();
    }

    private JsonNode history(Http as, String leadId, String query) {
        var response = as.get("/api/records/Leads/" + leadId + "/history" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode history(String leadId) {
        return history(admin, leadId, "").get("history");
    }

    private static JsonNode change(JsonNode entry, String field) {
        for (JsonNode c : entry.get("changes")) if (c.get("field").asText().equals(field)) return c;
        throw new AssertionError("no change of " + field + " in " + entry);
    }

    private static List<String> actions(JsonNode history) {
        List<String> actions = new ArrayList<>();
        history.forEach(e -> actions.add(e.get("action").asText()));
        return actions;
    }

    @Test
    void the_records_api_a_mass_update_by_ids_and_a_change_of_owner_are_each_in_the_history_newest_first_with_their_caller() {
        String lead = fx.leads("History Direct Co", 1).get(0);
        var put = admin.put("/crm/v2/Leads/" + lead, "{\"data\":[{\"Designation\":\"first\"}]}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        var mass = sales.post("/crm/v2/Leads/actions/mass_update", "{\"data\":[{\"Designation\":\"second\"}],\"ids\":[\"" + lead + "\"]}");
        assertThat(mass.status()).as(mass.body()).isEqualTo(200);
        String salesId = String.valueOf(fx.userId(DemoData.SALES_EMAIL));
        var owner = admin.post("/crm/v2/Leads/actions/change_owner", "{\"ids\":[\"" + lead + "\"],\"owner\":{\"id\":\"" + salesId + "\"}}");
        assertThat(owner.status()).as(owner.body()).isEqualTo(200);

        JsonNode history = history(lead);
        assertThat(actions(history)).containsExactly("change_owner", "mass_update", "update", "create");
        assertThat(history).extracting(e -> e.get("version").asInt()).containsExactly(4, 3, 2, 1);
        for (JsonNode e : history) {
            assertThat(e.get("trigger").asText()).isEqualTo("api");
            assertThat(e.get("job_id").isNull()).as("no job wrote it").isTrue();
            assertThat(e.get("rule_id").isNull()).isTrue();
            assertThat(e.get("started_by").get("id")).isEqualTo(e.get("run_as").get("id"));
            assertThat(e.get("time").asText()).isNotBlank();
        }
        String adminId = String.valueOf(fx.userId(DemoData.ADMIN_EMAIL));
        assertThat(history.get(0).get("started_by").get("id").asText()).isEqualTo(adminId);
        assertThat(change(history.get(0), "Owner").get("old").asText()).isEqualTo(adminId);
        assertThat(change(history.get(0), "Owner").get("new").asText()).isEqualTo(salesId);
        assertThat(history.get(1).get("started_by").get("id").asText()).as("the caller of the mass update").isEqualTo(salesId);
        assertThat(change(history.get(1), "Designation").get("old").asText()).isEqualTo("first");
        assertThat(change(history.get(1), "Designation").get("new").asText()).isEqualTo("second");
        assertThat(change(history.get(2), "Designation").get("old").isNull()).isTrue();
        assertThat(change(history.get(3), "Company").get("new").asText()).isEqualTo("History Direct Co");

        JsonNode designation = history(admin, lead, "?field=Designation").get("history");
        assertThat(actions(designation)).containsExactly("mass_update", "update");
        assertThat(designation.get(0).get("changes")).hasSize(1);

        JsonNode first = history(admin, lead, "?per_page=1&page=2");
        assertThat(actions(first.get("history"))).containsExactly("mass_update");
        assertThat(first.get("info").get("more_records").asBoolean()).isTrue();
        assertThat(first.get("info").get("page").asInt()).isEqualTo(2);
        assertThat(history(admin, lead, "?per_page=1&page=4").get("info").get("more_records").asBoolean()).isFalse();
    }

    @Test
    void a_view_job_and_its_undo_are_in_the_history_with_their_job_and_the_jobs_result_of_the_record_alone() {
        List<String> leads = fx.leads("History View Co", 2);
        String job = fx.schedule(fx.view("History View Co"), "Designation", "\"by view\"");
        fx.waitForEnd(job);
        var undo = admin.post("/api/jobs/" + job + "/undo", "");
        assertThat(undo.status()).as(undo.body()).isEqualTo(202);
        String undoJob = undo.json().get("id").asText();
        fx.waitForEnd(undoJob);

        JsonNode history = history(leads.get(0));
        assertThat(actions(history)).containsExactly("undo", "mass_update", "create");
        JsonNode undone = history.get(0);
        assertThat(undone.get("job_id").asText()).isEqualTo(undoJob);
        assertThat(undone.get("trigger").asText()).isEqualTo("undo");
        assertThat(undone.get("undo_of").asText()).isEqualTo(job);
        assertThat(change(undone, "Designation").get("old").asText()).isEqualTo("by view");
        assertThat(change(undone, "Designation").get("new").isNull()).isTrue();
        JsonNode viewed = history.get(1);
        assertThat(viewed.get("job_id").asText()).isEqualTo(job);
        assertThat(viewed.get("trigger").asText()).isEqualTo("api");
        assertThat(viewed.get("started_by").get("id").asText()).isEqualTo(String.valueOf(fx.userId(DemoData.ADMIN_EMAIL)));
        assertThat(viewed.get("time").asText()).isNotBlank();

        var one = admin.get("/api/jobs/" + job + "/results?record_id=" + leads.get(1));
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.json().get("results")).singleElement().satisfies(r -> {
            assertThat(r.get("id").asText()).isEqualTo(leads.get(1));
            assertThat(r.get("status").asText()).isEqualTo("updated");
        });
        String elsewhere = fx.leads("History Elsewhere Co", 1).get(0);
        assertThat(admin.get("/api/jobs/" + job + "/results?record_id=" + elsewhere).json().get("results")).isEmpty();
        assertThat(admin.get("/api/jobs/" + job + "/results?record_id=abc").status()).isEqualTo(400);
    }

    @Test
    void a_rule_run_by_hand_and_by_webhook_carries_the_rule_its_version_the_trigger_who_started_it_and_whose_rights() {
        String lead = fx.leads("History Rule Co", 1).get(0);
        var run = sales.post("/api/rules/" + RULE + "/run", "");
        assertThat(run.status()).as(run.body()).isEqualTo(202);
        String manual = run.json().get("id").asText();
        fx.waitForEnd(manual);
        String version = fx.job(manual).get("rule_version").asText();

        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String secret = admin.post("/api/rules/" + RULE + "/webhook_secret", "").json().get("secret").asText();
        var delivered = server.http().withHeader("X-Sweep-Signature", WebhookSignature.header(secret, Instant.now().getEpochSecond(), body))
                .post("/hooks/" + RULE, "{}");
        assertThat(delivered.status()).as(delivered.body()).isEqualTo(202);
        String hooked = delivered.json().get("job_id").asText();
        fx.waitForEnd(hooked);

        JsonNode history = history(lead);
        assertThat(actions(history)).containsExactly("rule", "rule", "create");
        JsonNode byHook = history.get(0);
        assertThat(byHook.get("job_id").asText()).isEqualTo(hooked);
        assertThat(byHook.get("trigger").asText()).isEqualTo("webhook");
        assertThat(byHook.get("started_by").isNull()).as("no person started it").isTrue();
        JsonNode byHand = history.get(1);
        assertThat(byHand.get("job_id").asText()).isEqualTo(manual);
        assertThat(byHand.get("trigger").asText()).isEqualTo("rule");
        assertThat(byHand.get("rule_id").asText()).isEqualTo(RULE);
        assertThat(byHand.get("rule_version").asText()).isEqualTo(version).hasSize(64);
        assertThat(byHand.get("rule_version_short").asText()).isEqualTo(version.substring(0, 12));
        assertThat(byHand.get("started_by").get("id").asText()).isEqualTo(String.valueOf(fx.userId(DemoData.SALES_EMAIL)));
        assertThat(byHand.get("run_as").get("id").asText()).as("the rule's runAs").isEqualTo(String.valueOf(fx.userId(DemoData.ADMIN_EMAIL)));
        assertThat(change(byHand, "Designation").get("new").asText()).startsWith("by rule ");
        assertThat(change(byHook, "Designation").get("old")).isEqualTo(change(byHand, "Designation").get("new"));
    }

    @Test
    void a_rep_sees_the_history_of_their_own_records_only_and_never_a_field_hidden_from_them() {
        var created = rep.post("/crm/v2/Leads", "{\"data\":[{\"Last_Name\":\"Rep's own\",\"Company\":\"History Rep Co\"}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String own = created.json().get("data").get(0).get("details").get("id").asText();
        assertThat(admin.put("/crm/v2/Leads/" + own, "{\"data\":[{\"Website\":\"https://hidden.example\",\"Designation\":\"seen\"}]}").status())
                .isEqualTo(200);
        assertThat(admin.put("/crm/v2/Leads/" + own, "{\"data\":[{\"Website\":\"https://hidden-again.example\"}]}").status()).isEqualTo(200);
        String foreign = fx.leads("History Foreign Co", 1).get(0);

        JsonNode seen = history(rep, own, "").get("history");
        assertThat(actions(seen)).as("a change of hidden fields only is left out").containsExactly("update", "create");
        assertThat(seen.get(0).get("changes")).extracting(c -> c.get("field").asText()).containsExactly("Designation");
        assertThat(seen.toString()).doesNotContain("hidden.example");
        assertThat(history(admin, own, "").get("history")).as("the administrator sees all three").hasSize(3);
        assertThat(rep.get("/api/records/Leads/" + own + "/history?field=Website").status()).as("a hidden field is as unknown as none").isEqualTo(400);

        assertThat(rep.get("/api/records/Leads/" + foreign + "/history").status()).as("as its read: a record the rep may not see").isEqualTo(204);
        assertThat(rep.get("/crm/v2/Leads/" + foreign).status()).isEqualTo(204);
        assertThat(history(sales, foreign, "").get("history")).as("the Standard profile sees every lead").hasSize(1);
        assertThat(admin.get("/api/records/Leads/1/history").status()).as("no such record").isEqualTo(204);
    }

    @Test
    void the_history_asks_for_the_modules_read_scope_and_a_known_stored_module() {
        String lead = fx.leads("History Scope Co", 1).get(0);
        var noRead = server.tokenFor(DemoData.ADMIN_EMAIL, "ZohoCRM.mass_update.ALL");
        assertThat(noRead.get("/api/records/Leads/" + lead + "/history").json().get("code").asText()).isEqualTo("OAUTH_SCOPE_MISMATCH");
        var contactsOnly = server.tokenFor(DemoData.ADMIN_EMAIL, "ZohoCRM.modules.Contacts.READ");
        assertThat(contactsOnly.get("/api/records/Leads/" + lead + "/history").json().get("code").asText()).isEqualTo("OAUTH_SCOPE_MISMATCH");
        var leadsRead = server.tokenFor(DemoData.ADMIN_EMAIL, "ZohoCRM.modules.Leads.READ");
        assertThat(leadsRead.get("/api/records/Leads/" + lead + "/history").status()).isEqualTo(200);
        assertThat(admin.get("/api/records/Nope/" + lead + "/history").json().get("code").asText()).isEqualTo("INVALID_MODULE");
        assertThat(admin.get("/api/records/Activities/" + lead + "/history").json().get("code").asText()).isEqualTo("NOT_SUPPORTED");
    }
}
