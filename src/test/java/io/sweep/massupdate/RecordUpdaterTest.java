package io.sweep.massupdate;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweep.App;
import io.sweep.auth.Principal;
import io.sweep.auth.Scopes;
import io.sweep.crm.Blueprints;
import io.sweep.crm.Field;
import io.sweep.crm.Module;
import io.sweep.demo.DemoData;
import io.sweep.errors.ErrorCode;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.TestServer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one write path on its own: each kind of plan, the checks every plan passes, and a dry run. */
class RecordUpdaterTest {
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 5, 9, 0, 0, 0, ZoneOffset.UTC);

    private static TestServer server;
    private static App app;
    private static RecordUpdater updater;
    private static Module leads;
    private static Field twitter;

    @BeforeAll
    static void start() {
        server = TestServer.shared(Backend.H2);
        app = server.app();
        updater = new RecordUpdater(new io.sweep.crm.RecordRepository(app.database()), new io.sweep.crm.RecordHistoryRepository(app.database()));
        leads = app.metadata().module("Leads").orElseThrow();
        twitter = leads.field("Twitter").orElseThrow();
    }

    @Test
    void each_plan_is_applied_as_it_says_and_an_unknown_id_fails_as_INVALID_ID() {
        List<Long> ids = newLeads(3);
        long unknown = 1L;
        Map<Long, Integer> versionsBefore = versions(ids);
        Principal admin = principal(DemoData.ADMIN_EMAIL);

        List<Long> asked = new ArrayList<>(ids);
        asked.add(unknown);
        List<RecordOutcome> outcomes = app.database().inTransaction(h -> updater.apply(h, admin, leads, asked, row -> {
            if (row.id() == ids.get(0)) return new Plan.Set(Map.of(twitter, "@set"));
            if (row.id() == ids.get(1)) return new Plan.Skip("nothing to do");
            return new Plan.Fail(ErrorCode.INVALID_DATA, "refused by the plan");
        }, NOW, WriteCause.MASS_UPDATE));

        assertThat(outcomes).extracting(RecordOutcome::id).containsExactlyElementsOf(asked);
        assertThat(outcomes).extracting(RecordOutcome::status).containsExactly(
                RecordOutcome.Status.UPDATED, RecordOutcome.Status.SKIPPED, RecordOutcome.Status.FAILED, RecordOutcome.Status.FAILED);
        RecordOutcome set = outcomes.get(0);
        assertThat(set.changedBefore()).containsEntry("Twitter", null);
        assertThat(set.changedAfter()).containsEntry("Twitter", "@set");
        assertThat(set.versionAfter()).isEqualTo(versionsBefore.get(ids.get(0)) + 1);
        assertThat(outcomes.get(2).error()).isEqualTo(ErrorCode.INVALID_DATA);
        assertThat(outcomes.get(3).error()).isEqualTo(ErrorCode.INVALID_ID);

        Map<Long, Integer> versionsAfter = versions(ids);
        assertThat(versionsAfter.get(ids.get(0))).isEqualTo(versionsBefore.get(ids.get(0)) + 1);
        assertThat(versionsAfter.get(ids.get(1))).as("skipped: untouched").isEqualTo(versionsBefore.get(ids.get(1)));
        assertThat(versionsAfter.get(ids.get(2))).as("failed: untouched").isEqualTo(versionsBefore.get(ids.get(2)));
        assertThat(twitterOf(ids.get(0))).isEqualTo("@set");
    }

    @Test
    void a_record_the_caller_may_not_see_fails_as_an_unknown_id_and_its_plan_is_never_asked_for() {
        List<Long> ids = newLeads(1);
        Principal rep = principal(DemoData.REP_EMAIL);
        AtomicInteger asked = new AtomicInteger();

        List<RecordOutcome> outcomes = app.database().inTransaction(h -> updater.apply(h, rep, leads, ids, row -> {
            asked.incrementAndGet();
            return new Plan.Set(Map.of(twitter, "@rep"));
        }, NOW, WriteCause.MASS_UPDATE));

        assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.error()).isEqualTo(ErrorCode.INVALID_ID));
        assertThat(asked).as("the planner never sees a record the caller may not see").hasValue(0);
        assertThat(twitterOf(ids.get(0))).isNull();
    }

    @Test
    void a_dry_run_decides_like_the_real_run_and_writes_nothing() {
        List<Long> ids = newLeads(2);
        Map<Long, Integer> before = versions(ids);
        Principal admin = principal(DemoData.ADMIN_EMAIL);

        List<RecordOutcome> outcomes = app.database().withHandle(h -> updater.dryRun(h, admin, leads, ids,
                row -> new Plan.Set(Map.of(twitter, "@dry"))));

        assertThat(outcomes).extracting(RecordOutcome::status).containsOnly(RecordOutcome.Status.UPDATED);
        assertThat(versions(ids)).isEqualTo(before);
        assertThat(twitterOf(ids.get(0))).isNull();
    }

    @Test
    void a_plan_that_sets_the_field_a_blueprint_drives_fails_with_RECORD_IN_BLUEPRINT() {
        Module deals = app.metadata().module("Deals").orElseThrow();
        var held = app.database().withHandle(h -> {
            Map<Long, Long> driven = Blueprints.activeFields(h, deals.id());
            return h.createQuery("SELECT id, blueprint_id FROM " + deals.table() + " WHERE blueprint_id IS NOT NULL ORDER BY id")
                    .map((rs, ctx) -> Map.entry(rs.getLong("id"), driven.get(rs.getLong("blueprint_id"))))
                    .list().stream().filter(e -> e.getValue() != null).findFirst().orElseThrow();
        });
        Field drivenField = deals.fields().stream().filter(f -> f.id() == held.getValue()).findFirst().orElseThrow();
        Principal admin = principal(DemoData.ADMIN_EMAIL);

        List<RecordOutcome> outcomes = app.database().withHandle(h -> updater.dryRun(h, admin, deals, List.of(held.getKey()),
                row -> new Plan.Set(Map.of(drivenField, row.value(drivenField.apiName())))));

        assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.error()).isEqualTo(ErrorCode.RECORD_IN_BLUEPRINT));
    }

    private static Principal principal(String email) {
        return app.users().principal(app.users().byEmail(email).orElseThrow(), Scopes.of(Scopes.ALL_SCOPES));
    }

    /** New leads owned by the administrator, outside every territory. */
    private static List<Long> newLeads(int n) {
        String company = "Updater " + UUID.randomUUID();
        var data = new StringBuilder();
        for (int i = 0; i < n; i++) data.append(i == 0 ? "" : ",").append("{\"Last_Name\":\"U").append(i).append("\",\"Company\":\"").append(company).append("\"}");
        var created = server.admin().post("/crm/v2/Leads", "{\"data\":[" + data + "]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        List<Long> ids = new ArrayList<>();
        created.json().get("data").forEach(e -> ids.add(e.get("details").get("id").asLong()));
        return ids;
    }

    private static Map<Long, Integer> versions(List<Long> ids) {
        return app.database().withHandle(h -> {
            Map<Long, Integer> versions = new java.util.HashMap<>();
            h.createQuery("SELECT id, version FROM " + leads.table() + " WHERE id IN (<ids>)").bindList("ids", ids)
                    .map((rs, ctx) -> versions.put(rs.getLong("id"), rs.getInt("version"))).list();
            return versions;
        });
    }

    private static String twitterOf(long id) {
        return app.database().withHandle(h -> h.createQuery("SELECT twitter FROM " + leads.table() + " WHERE id = :id")
                .bind("id", id).mapTo(String.class).findOne().orElse(null));
    }
}
