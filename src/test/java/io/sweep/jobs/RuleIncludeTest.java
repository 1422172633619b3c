package io.sweep.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.auth.Scopes;
import io.sweep.crm.Module;
import io.sweep.crm.RecordRow;
import io.sweep.demo.DemoData;
import io.sweep.rules.Rule;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Related records in rules: lookups reach {@code update} as {@code {id, name}}, {@code select.include}
 * brings fields of the records they point at, as the runAs user may see them, in jobs and previews.
 * On a server of its own: the Sales Rep profile is narrowed here to own accounts, with account phones hidden.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleIncludeTest {
    private static final long CONTACTS = 5725767000000010003L;
    private static final long ACCOUNTS = 5725767000000010002L;
    private static final long ACCOUNT_PHONE = 5725767000000020214L;

    private TestServer server;
    private Http admin;
    private long repId;

    @BeforeAll
    void start() throws Exception {
        Path rulesDir = Files.createTempDirectory("sweep-include-rules");
        Files.writeString(rulesDir.resolve("admin-copies.js"), """
                export const rule = {
                  module: "Contacts",
                  select: { criteria: "(Department:equals:Include Admin)", include: ["Account_Name.Billing_Country", "Owner.email"] },
                  runAs: "admin@sweep.local",
                };
                export function update(record, ctx) {
                  const a = record.Account_Name;
                  return { Mailing_Country: [a.Billing_Country, a.name, record.Owner.email, record.Reporting_To?.name].join("/") };
                }
                """);
        Files.writeString(rulesDir.resolve("rep-copies.js"), """
                export const rule = {
                  module: "Contacts",
                  select: { criteria: "(Department:equals:Include Rep)", include: ["Account_Name.Billing_Country", "Account_Name.Phone"] },
                  runAs: "rep@sweep.local",
                };
                export function update(record, ctx) {
                  const a = record.Account_Name;
                  if (!("Billing_Country" in a)) return { Mailing_Country: "unseen " + a.name };
                  return { Mailing_Country: a.Billing_Country + ("Phone" in a ? " with phone" : " without phone") };
                }
                """);
        // the same as rep-copies on another field, never run: its preview sees the records as they were made
        Files.writeString(rulesDir.resolve("rep-previews.js"), Files.readString(rulesDir.resolve("rep-copies.js")).replace("Mailing_Country", "Mailing_State"));
        server = TestServer.start(Backend.H2.newDatabaseUrl(), config -> config.withDemo(false).withRulesDir(rulesDir));
        admin = server.admin();
        var created = admin.post("/api/users", "{\"email\":\"" + DemoData.REP_EMAIL + "\",\"name\":\"Sam Seller\",\"profile\":\"Sales Rep\",\"password\":\"a-long-password\"}");
        assertThat(created.status()).as(created.body()).isIn(200, 201);
        repId = server.app().users().byEmail(DemoData.REP_EMAIL).orElseThrow().id();
        // the rep sees only the accounts they own, without their phone numbers, and may mass update contacts
        sql("UPDATE profile_modules SET record_access = 'owned' WHERE profile_id = :p AND module_id = " + ACCOUNTS);
        sql("UPDATE profile_modules SET can_mass_update = TRUE WHERE profile_id = :p AND module_id = " + CONTACTS);
        sql("INSERT INTO profile_field_restrictions (profile_id, field_id, access) VALUES (:p, " + ACCOUNT_PHONE + ", 'hidden')");

        String seen = create("Accounts", "{\"Account_Name\":\"Seen Co\",\"Billing_Country\":\"France\",\"Phone\":\"555 0100\"}");
        String unseen = create("Accounts", "{\"Account_Name\":\"Unseen Co\",\"Billing_Country\":\"Germany\"}");
        server.app().database().useHandle(h -> h.createUpdate("UPDATE rec_accounts SET owner_id = :rep WHERE id = :id")
                .bind("rep", repId).bind("id", Long.parseLong(seen)).execute());
        String boss = create("Contacts", "{\"Last_Name\":\"Boss\"}");
        create("Contacts", "{\"Last_Name\":\"Admin One\",\"Department\":\"Include Admin\",\"Account_Name\":{\"id\":\"" + seen + "\"},"
                + "\"Reporting_To\":{\"id\":\"" + boss + "\"}}");
        create("Contacts", "{\"Last_Name\":\"Admin Two\",\"Department\":\"Include Admin\",\"Account_Name\":{\"id\":\"" + unseen + "\"}}");
        create("Contacts", "{\"Last_Name\":\"Rep Seen\",\"Department\":\"Include Rep\",\"Account_Name\":{\"id\":\"" + seen + "\"}}");
        create("Contacts", "{\"Last_Name\":\"Rep Unseen\",\"Department\":\"Include Rep\",\"Account_Name\":{\"id\":\"" + unseen + "\"}}");
        // the rep's rule selects the contacts they own
        server.app().database().useHandle(h -> h.createUpdate("UPDATE rec_contacts SET owner_id = :rep WHERE department = 'Include Rep'")
                .bind("rep", repId).execute());
    }

    @AfterAll
    void stop() {
        if (server != null) server.stop();
    }

    private void sql(String statement) {
        server.app().database().useHandle(h -> h.createUpdate(statement).bind("p", DemoData.SALES_REP_PROFILE_ID).execute());
    }

    private String create(String module, String record) {
        var response = admin.post("/crm/v2/" + module, "{\"data\":[" + record + "]}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("data").get(0).get("details").get("id").asText();
    }

    private String mailingCountryOf(String lastName) {
        return server.app().database().withHandle(h -> h.createQuery("SELECT mailing_country FROM rec_contacts WHERE last_name = :n")
                .bind("n", lastName).mapTo(String.class).findOne().orElse(null));
    }

    private JsonNode run(String rule) {
        var run = admin.post("/api/rules/" + rule + "/run", "");
        assertThat(run.status()).as(run.body()).isEqualTo(202);
        JsonNode job = admin.waitForJobEnd(run.json().get("id").asText());
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("COMPLETED");
        return job;
    }

    @Test
    void included_fields_lookup_names_and_the_owners_email_reach_update_and_the_records_change() {
        JsonNode job = run("admin-copies");
        assertThat(job.get("Updated_Count").asInt()).as(job.toString()).isEqualTo(2);
        assertThat(mailingCountryOf("Admin One")).isEqualTo("France/Seen Co/admin@sweep.local/Boss");
        assertThat(mailingCountryOf("Admin Two")).isEqualTo("Germany/Unseen Co/admin@sweep.local/");
        assertThat(mailingCountryOf("Boss")).as("not selected").isNull();
    }

    @Test
    void a_rule_running_as_the_rep_gets_only_the_accounts_and_fields_the_rep_may_see() {
        JsonNode job = run("rep-copies");
        assertThat(job.get("Updated_Count").asInt()).as(job.toString()).isEqualTo(2);
        assertThat(mailingCountryOf("Rep Seen")).isEqualTo("France without phone");
        assertThat(mailingCountryOf("Rep Unseen")).isEqualTo("unseen Unseen Co");
    }

    @Test
    void a_preview_shows_what_the_included_values_make_of_each_record() {
        var preview = admin.post("/api/rules/rep-previews/preview", "");
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        List<String> changed = new ArrayList<>();
        preview.json().get("sample").forEach(s -> s.get("changes").forEach(c -> changed.add(c.get("new").asText())));
        assertThat(changed).as(preview.body()).containsExactlyInAnyOrder("France without phone", "unseen Unseen Co");
    }

    @Test
    void related_records_are_read_once_per_lookup_field_whatever_the_number_of_records() {
        Module contacts = server.app().metadata().moduleById(CONTACTS).orElseThrow();
        var db = server.app().database();
        var related = new RelatedRecords(server.app().metadata(), new io.sweep.crm.RecordRepository(db), server.app().users());
        var select = new Rule.Selection("(Department:equals:x)", null, null, List.of(new Rule.Include("Account_Name", "Billing_Country")));
        var principal = server.app().users().principal(server.app().users().byId(repId).orElseThrow(), Scopes.of(Set.of()));
        List<RecordRow> few = contactsPointingAtAccounts(contacts, 2);
        List<RecordRow> many = contactsPointingAtAccounts(contacts, 300);

        int readsForFew = accountReads(() -> related.read(principal, contacts, select, few));
        int readsForMany = accountReads(() -> related.read(principal, contacts, select, many));
        assertThat(readsForFew).isEqualTo(1);
        assertThat(readsForMany).isEqualTo(readsForFew);
        var value = related.read(principal, contacts, select, many)
                .valueOf(contacts.field("Account_Name").orElseThrow(), (Long) many.get(0).value("Account_Name"));
        assertThat(value).containsEntry("name", "Seen Co").containsEntry("Billing_Country", "France");
    }

    /** Rows as a chunk reads them, all pointing at the accounts of the contacts made above (300 rows, two distinct accounts). */
    private List<RecordRow> contactsPointingAtAccounts(Module contacts, int count) {
        List<RecordRow> stored = server.app().database().withHandle(h -> new io.sweep.crm.RecordRepository(server.app().database())
                .findByIds(h, contacts, h.createQuery("SELECT id FROM rec_contacts WHERE department IN ('Include Admin', 'Include Rep') ORDER BY last_name")
                        .mapTo(Long.class).list(), false));
        List<RecordRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RecordRow row = stored.get(i % stored.size());
            rows.add(new RecordRow(row.id() + i, row.version(), row.territoryId(), row.blueprintId(), row.tags(), row.values()));
        }
        return rows;
    }

    /** How many statements read the accounts table while {@code work} runs (other work of the server never reads it). */
    private int accountReads(Runnable work) {
        var jdbi = server.app().database().jdbi();
        var count = new AtomicInteger();
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                if (context.getRenderedSql().contains("rec_accounts")) count.incrementAndGet();
            }
        });
        try {
            work.run();
        } finally {
            jdbi.setSqlLogger(SqlLogger.NOP_SQL_LOGGER);
        }
        return count.get();
    }
}
