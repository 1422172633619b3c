package io.sweep.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.crm.Module;
import io.sweep.crm.RecordRepository;
import io.sweep.crm.criteria.CriteriaLimits;
import io.sweep.db.QueryTimeoutException;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Criteria narrow and never widen a write, fields and records a caller may not see answer as if
 * they did not exist, and a criteria's cost is bounded: over HTTP on the real server.
 */
abstract class CriteriaSafetyContract {
    private static final String MASS_UPDATE = "/crm/v2/Leads/actions/mass_update";
    private static final String HIDDEN_FIELD = "Skype_ID";
    private static final String HIDDEN_PROFILE = "Skype Hidden";

    private AdminFixtures fx;
    private Http admin;

    abstract Backend backend();

    @BeforeEach
    void connect() {
        fx = new AdminFixtures(TestServer.shared(backend()));
        admin = fx.admin;
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Six leads of the company, two of them in {@code city}; returns [all six, the two]. */
    private List<List<String>> leadsWithTwoIn(String company, String city) {
        List<String> all = fx.leads(company, 6, i -> i == 1 || i == 4 ? "\"City\":\"" + city + "\"" : "\"City\":\"Elsewhere\"");
        return List.of(all, List.of(all.get(1), all.get(4)));
    }

    private Map<String, String> ratings(List<String> leads) {
        Map<String, String> ratings = new TreeMap<>();
        for (String id : leads) ratings.put(id, fx.lead(id).path("Rating").asText(null));
        return ratings;
    }

    private JsonNode preview(Http as, String body) {
        var response = as.post("/api/mass_update/preview?module=Leads&limit=20", body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    // --- criteria in a mass update narrow the view's selection

    @Test
    void a_mass_update_by_cvid_with_the_sdks_criteria_list_updates_only_the_records_they_select_and_the_job_keeps_them() {
        var leads = leadsWithTwoIn("Narrow List Co", "Narrowville");
        String cvid = fx.view("Narrow List Co");
        String criteria = "[{\"field\":{\"api_name\":\"City\"},\"comparator\":\"equal\",\"value\":\"Narrowville\"}]";

        var response = admin.post(MASS_UPDATE, "{\"data\":[{\"Rating\":\"Acquired\"}],\"cvid\":\"" + cvid + "\",\"criteria\":" + criteria + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        String jobId = response.json().get("data").get(0).get("details").get("job_id").asText();
        JsonNode job = fx.waitForEnd(jobId);

        assertThat(job.get("Total_Count").asInt()).as("only the view's records the criteria select").isEqualTo(2);
        assertThat(job.get("Updated_Count").asInt()).isEqualTo(2);
        Map<String, String> after = ratings(leads.get(0));
        for (String id : leads.get(0)) {
            assertThat(after.get(id)).as("lead " + id).isEqualTo(leads.get(1).contains(id) ? "Acquired" : null);
        }
        assertThat(job.get("request").get("criteria")).as("the job's stored request keeps the criteria").isEqualTo(
                io.sweep.json.Json.parseBody(criteria));
    }

    @Test
    void criteria_as_a_search_string_a_group_or_an_api_name_list_narrow_the_preview_alike_and_and_with_the_view() {
        var leads = leadsWithTwoIn("Narrow Forms Co", "Formtown");
        fx.leads("Other Forms Co", 2, i -> "\"City\":\"Formtown\"");
        String cvid = fx.view("Narrow Forms Co");
        String base = "{\"data\":[{\"Rating\":\"Acquired\"}],\"cvid\":\"" + cvid + "\",\"criteria\":";
        List<String> forms = List.of(
                "\"((City:equals:Formtown))\"",
                "{\"group_operator\":\"and\",\"group\":[{\"comparator\":\"equal\",\"field\":{\"api_name\":\"City\"},\"value\":\"Formtown\"},"
                        + "{\"comparator\":\"not_equal\",\"field\":{\"api_name\":\"Lead_Status\"},\"value\":\"Contacted\"}]}",
                "[{\"api_name\":\"City\",\"comparator\":\"equal\",\"value\":\"Formtown\"}]");
        for (String criteria : forms) {
            JsonNode preview = preview(admin, base + criteria + "}");
            assertThat(preview.get("error").isNull()).as(preview.toString()).isTrue();
            assertThat(preview.get("selected").asInt()).as("criteria " + criteria + " AND the view's own").isEqualTo(2);
            List<String> sampled = new ArrayList<>();
            preview.get("sample").forEach(s -> sampled.add(s.get("id").asText()));
            assertThat(sampled).containsExactlyElementsOf(leads.get(1));
        }
        JsonNode whole = preview(admin, "{\"data\":[{\"Rating\":\"Acquired\"}],\"cvid\":\"" + cvid + "\"}");
        assertThat(whole.get("selected").asInt()).as("without criteria: the whole view").isEqualTo(6);
    }

    @Test
    void mass_update_criteria_that_cannot_be_read_are_refused_and_nothing_is_scheduled() {
        var leads = leadsWithTwoIn("Narrow Bad Co", "Badville");
        String cvid = fx.view("Narrow Bad Co");
        String base = "{\"data\":[{\"Rating\":\"Acquired\"}],\"cvid\":\"" + cvid + "\",\"criteria\":";

        var unknown = admin.post(MASS_UPDATE, base + "[{\"field\":{\"api_name\":\"Nope\"},\"comparator\":\"equal\",\"value\":\"x\"}]}");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.json().get("code").asText()).isEqualTo("INVALID_DATA");
        assertThat(unknown.json().get("details").get("api_name").asText()).isEqualTo("Nope");
        assertThat(unknown.json().get("details").get("param_name").asText()).isEqualTo("criteria");

        var comparator = admin.post(MASS_UPDATE, base + "[{\"field\":\"City\",\"comparator\":\"resembles\",\"value\":\"x\"}]}");
        assertThat(comparator.status()).as(comparator.body()).isEqualTo(400);
        assertThat(comparator.json().get("code").asText()).isEqualTo("INVALID_DATA");

        var value = admin.post(MASS_UPDATE, base + "[{\"field\":\"No_of_Employees\",\"comparator\":\"greater_than\",\"value\":\"many\"}]}");
        assertThat(value.status()).as(value.body()).isEqualTo(400);
        assertThat(value.json().get("code").asText()).isEqualTo("INVALID_DATA");

        var search = admin.post(MASS_UPDATE, base + "\"((City:resembles:Badville))\"}");
        assertThat(search.status()).as(search.body()).isEqualTo(400);
        assertThat(search.json().get("code").asText()).isEqualTo("INVALID_QUERY");

        var empty = admin.post(MASS_UPDATE, base + "[]}");
        assertThat(empty.status()).as(empty.body()).isEqualTo(400);

        var wrongType = admin.post(MASS_UPDATE, base + "42}");
        assertThat(wrongType.status()).as(wrongType.body()).isEqualTo(400);
        assertThat(wrongType.json().get("code").asText()).isEqualTo("UNABLE_TO_PARSE_DATA_TYPE");

        assertThat(ratings(leads.get(0)).values()).as("nothing was written").containsOnlyNulls();
        var again = admin.post(MASS_UPDATE, "{\"data\":[{\"Rating\":\"Acquired\"}],\"cvid\":\"" + cvid + "\",\"criteria\":\"(City:equals:Badville)\"}");
        assertThat(again.json().get("data").get(0).get("code").asText()).as("no job was left active by the refusals").isEqualTo("SUCCESS");
        fx.waitForEnd(again.json().get("data").get(0).get("details").get("job_id").asText());
    }

    @Test
    void criteria_with_ids_are_refused_naming_criteria_and_nothing_is_written() {
        List<String> leads = fx.leads("Narrow Ids Co", 2);
        String body = "{\"data\":[{\"Rating\":\"Acquired\"}],\"ids\":[\"" + String.join("\",\"", leads) + "\"],"
                + "\"criteria\":[{\"field\":\"City\",\"comparator\":\"equal\",\"value\":\"Nowhere\"}]}";
        var response = admin.post(MASS_UPDATE, body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("INVALID_DATA");
        assertThat(response.json().get("details").get("api_name").asText()).isEqualTo("criteria");
        assertThat(ratings(leads).values()).containsOnlyNulls();

        JsonNode preview = preview(admin, body);
        assertThat(preview.get("error").get("code").asText()).isEqualTo("INVALID_DATA");
        assertThat(preview.get("error").get("details").get("api_name").asText()).isEqualTo("criteria");
    }

    // --- a field hidden from the caller is an unknown field

    private Http hiddenFieldUser() {
        var db = fx.server.app().database();
        long leadsId = fx.moduleId("Leads");
        long fieldId = fx.server.app().metadata().module("Leads").orElseThrow().field(HIDDEN_FIELD).orElseThrow().id();
        boolean exists = db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM profiles WHERE name = :n").bind("n", HIDDEN_PROFILE)
                .mapTo(Long.class).one() > 0);
        if (!exists) {
            db.useHandle(h -> {
                long profile = db.nextId(h);
                h.createUpdate("INSERT INTO profiles (id, name, administrator) VALUES (:id, :n, FALSE)").bind("id", profile)
                        .bind("n", HIDDEN_PROFILE).execute();
                h.createUpdate("""
                        INSERT INTO profile_modules (profile_id, module_id, can_view, can_edit, can_mass_update, record_access)
                        VALUES (:p, :m, TRUE, TRUE, TRUE, 'all')""").bind("p", profile).bind("m", leadsId).execute();
                h.createUpdate("INSERT INTO profile_field_restrictions (profile_id, field_id, access) VALUES (:p, :f, 'hidden')")
                        .bind("p", profile).bind("f", fieldId).execute();
            });
        }
        fx.user("skype-hidden@sweep.local", HIDDEN_PROFILE);
        return fx.tokenFor("skype-hidden@sweep.local", "ZohoCRM.modules.ALL", "ZohoCRM.mass_update.ALL", "ZohoCRM.settings.ALL");
    }

    /** The answer with the field's name taken out, so a hidden field's and an unknown field's can be compared. */
    private static String anonymous(Http.Response response, String field) {
        return response.status() + " " + response.body().replace(field, "FIELD");
    }

    @Test
    void a_search_or_sort_on_a_field_hidden_from_the_caller_answers_exactly_as_an_unknown_field() {
        Http user = hiddenFieldUser();
        fx.leads("Hidden Search Co", 1, i -> "\"" + HIDDEN_FIELD + "\":\"secret-skype\"");
        assertThat(admin.get("/crm/v2/Leads/search?criteria=" + q("(" + HIDDEN_FIELD + ":equals:secret-skype)")).status())
                .as("the field exists and the record matches for whoever may see it").isEqualTo(200);

        var hidden = user.get("/crm/v2/Leads/search?criteria=" + q("(" + HIDDEN_FIELD + ":equals:secret-skype)"));
        var unknown = user.get("/crm/v2/Leads/search?criteria=" + q("(No_Such_Fld:equals:secret-skype)"));
        assertThat(hidden.status()).isEqualTo(400);
        assertThat(anonymous(hidden, HIDDEN_FIELD)).isEqualTo(anonymous(unknown, "No_Such_Fld"));

        var hiddenSort = user.get("/crm/v2/Leads?per_page=5&sort_by=" + HIDDEN_FIELD);
        var unknownSort = user.get("/crm/v2/Leads?per_page=5&sort_by=No_Such_Fld");
        assertThat(hiddenSort.status()).isEqualTo(400);
        assertThat(anonymous(hiddenSort, HIDDEN_FIELD)).isEqualTo(anonymous(unknownSort, "No_Such_Fld"));
        assertThat(admin.get("/crm/v2/Leads?per_page=5&sort_by=" + HIDDEN_FIELD).status()).isEqualTo(200);

        var hiddenFields = user.get("/crm/v2/Leads?per_page=5&fields=Last_Name," + HIDDEN_FIELD);
        var unknownFields = user.get("/crm/v2/Leads?per_page=5&fields=Last_Name,No_Such_Fld");
        assertThat(hiddenFields.status()).isEqualTo(400);
        assertThat(anonymous(hiddenFields, HIDDEN_FIELD)).isEqualTo(anonymous(unknownFields, "No_Such_Fld"));
    }

    @Test
    void view_and_mass_update_criteria_on_a_field_hidden_from_the_caller_answer_exactly_as_an_unknown_field() {
        Http user = hiddenFieldUser();
        String condition = "{\"comparator\":\"equal\",\"field\":{\"api_name\":\"%s\"},\"value\":\"x\"}";
        var hiddenCount = user.post("/api/views/count", "{\"module\":\"Leads\",\"criteria\":" + condition.formatted(HIDDEN_FIELD) + "}");
        var unknownCount = user.post("/api/views/count", "{\"module\":\"Leads\",\"criteria\":" + condition.formatted("No_Such_Fld") + "}");
        assertThat(hiddenCount.status()).isEqualTo(400);
        assertThat(anonymous(hiddenCount, HIDDEN_FIELD)).isEqualTo(anonymous(unknownCount, "No_Such_Fld"));

        var hiddenView = user.post("/api/views", "{\"module\":\"Leads\",\"name\":\"Skype view\",\"criteria\":" + condition.formatted(HIDDEN_FIELD) + "}");
        var unknownView = user.post("/api/views", "{\"module\":\"Leads\",\"name\":\"Skype view\",\"criteria\":" + condition.formatted("No_Such_Fld") + "}");
        assertThat(hiddenView.status()).isEqualTo(400);
        assertThat(anonymous(hiddenView, HIDDEN_FIELD)).isEqualTo(anonymous(unknownView, "No_Such_Fld"));

        fx.leads("Hidden Mass Co", 1);
        String cvid = fx.view("Hidden Mass Co", "skype-hidden@sweep.local");
        String body = "{\"data\":[{\"Rating\":\"Acquired\"}],\"cvid\":\"" + cvid + "\",\"criteria\":[" + condition + "]}";
        var hiddenMass = user.post(MASS_UPDATE, body.formatted(HIDDEN_FIELD));
        var unknownMass = user.post(MASS_UPDATE, body.formatted("No_Such_Fld"));
        assertThat(hiddenMass.status()).isEqualTo(400);
        assertThat(anonymous(hiddenMass, HIDDEN_FIELD)).isEqualTo(anonymous(unknownMass, "No_Such_Fld"));
    }

    // --- a record the caller may not see is an id that does not exist

    /** A lead the rep (owned-only access) may not see: another owner, outside the rep's territories. */
    private String leadHiddenFromRep(String company) {
        String id = fx.leads(company, 1).get(0);
        long repId = fx.userId("rep@sweep.local");
        fx.server.app().database().useHandle(h -> h.createUpdate("UPDATE rec_leads SET territory_id = NULL WHERE id = :id AND owner_id <> :rep")
                .bind("id", Long.parseLong(id)).bind("rep", repId).execute());
        return id;
    }

    @Test
    void a_record_the_caller_may_not_see_answers_exactly_as_an_id_that_does_not_exist_in_the_records_api() {
        Http rep = fx.tokenFor("rep@sweep.local", "ZohoCRM.modules.ALL");
        String unseen = leadHiddenFromRep("Unseen Records Co");
        String missing = "5725767999999999999";

        assertThat(rep.get("/crm/v2/Leads/" + unseen).status()).isEqualTo(204);
        assertThat(rep.get("/crm/v2/Leads/" + missing).status()).isEqualTo(204);
        assertThat(rep.get("/crm/v2/Leads?ids=" + unseen).status()).isEqualTo(204);

        var putUnseen = rep.put("/crm/v2/Leads/" + unseen, "{\"data\":[{\"City\":\"Peek\"}]}");
        var putMissing = rep.put("/crm/v2/Leads/" + missing, "{\"data\":[{\"City\":\"Peek\"}]}");
        assertThat(putUnseen.status()).isEqualTo(400);
        assertThat(putUnseen.body().replace(unseen, "ID")).isEqualTo(putMissing.body().replace(missing, "ID"));
        assertThat(putUnseen.json().get("data").get(0).get("message").asText()).isEqualTo("the id given seems to be invalid");

        var putMany = rep.put("/crm/v2/Leads", "{\"data\":[{\"id\":\"" + unseen + "\",\"City\":\"Peek\"}]}");
        assertThat(putMany.body().replace(unseen, "ID")).isEqualTo(putMissing.body().replace(missing, "ID"));

        var deleteUnseen = rep.delete("/crm/v2/Leads/" + unseen);
        var deleteMissing = rep.delete("/crm/v2/Leads/" + missing);
        assertThat(deleteUnseen.status()).isEqualTo(400);
        assertThat(deleteUnseen.body().replace(unseen, "ID")).isEqualTo(deleteMissing.body().replace(missing, "ID"));
        var deleteIds = rep.delete("/crm/v2/Leads?ids=" + unseen);
        assertThat(deleteIds.body().replace(unseen, "ID")).isEqualTo(deleteMissing.body().replace(missing, "ID"));

        assertThat(fx.lead(unseen).path("City").isNull() || fx.lead(unseen).path("City").isMissingNode())
                .as("the record is untouched").isTrue();
    }

    @Test
    void the_preview_samples_a_record_the_caller_may_not_see_as_an_id_that_does_not_exist() {
        Http rep = fx.tokenFor("rep@sweep.local", "ZohoCRM.mass_update.ALL", "ZohoCRM.modules.ALL");
        String unseen = leadHiddenFromRep("Unseen Preview Co");
        String missing = "5725767999999999998";
        JsonNode preview = preview(rep, "{\"data\":[{\"Lead_Source\":\"Partner\"}],\"ids\":[\"" + unseen + "\",\"" + missing + "\"]}");
        assertThat(preview.get("error").isNull()).as(preview.toString()).isTrue();
        JsonNode first = preview.get("sample").get(0);
        JsonNode second = preview.get("sample").get(1);
        assertThat(first.get("outcome").asText()).isEqualTo("fail");
        assertThat(first.get("code").asText()).isEqualTo(second.get("code").asText()).isEqualTo("INVALID_DATA");
        assertThat(first.get("message").asText()).isEqualTo(second.get("message").asText()).isEqualTo("the id given seems to be invalid");
    }

    // --- bounded cost

    /** Conditions of {@code values} values each on Company (a text field), joined by and. */
    private static String searchOf(String comparator, int conditions, int values) {
        return IntStream.range(0, conditions)
                .mapToObj(c -> "(Company:" + comparator + ":" + IntStream.range(0, values).mapToObj(v -> "zq" + c + "x" + v)
                        .collect(Collectors.joining(",")) + ")")
                .collect(Collectors.joining("and", "(", ")"));
    }

    private static String viewCriteriaOf(String comparator, int conditions, int values) {
        return IntStream.range(0, conditions)
                .mapToObj(c -> "{\"comparator\":\"" + comparator + "\",\"field\":{\"api_name\":\"Company\"},\"value\":["
                        + IntStream.range(0, values).mapToObj(v -> "\"zq" + c + "x" + v + "\"").collect(Collectors.joining(",")) + "]}")
                .collect(Collectors.joining(",", "{\"group_operator\":\"and\",\"group\":[", "]}"));
    }

    private static void assertLimitExceeded(Http.Response response, String limitName) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("LIMIT_EXCEEDED");
        assertThat(response.json().get("details").get("limit_name").asText()).isEqualTo(limitName);
        assertThat(response.json().get("details").get("param_name").asText()).isEqualTo("criteria");
    }

    @Test
    void criteria_beyond_the_cost_limits_are_refused_with_LIMIT_EXCEEDED_naming_the_limit_everywhere_criteria_are_taken() {
        Http rep = fx.tokenFor("rep@sweep.local", "ZohoCRM.modules.ALL", "ZohoCRM.mass_update.ALL", "ZohoCRM.settings.ALL");
        int tooMany = CriteriaLimits.MAX_PATTERN_VALUES + 1;
        assertLimitExceeded(rep.get("/crm/v2/Leads/search?criteria=" + q(searchOf("contains", 1, tooMany))), "criteria_text_test_values");
        assertLimitExceeded(rep.post("/api/views/count", "{\"module\":\"Leads\",\"criteria\":" + viewCriteriaOf("contains", 1, tooMany) + "}"),
                "criteria_text_test_values");
        assertLimitExceeded(rep.post("/api/views/count", "{\"module\":\"Leads\",\"criteria\":" + viewCriteriaOf("in", 3, 200) + "}"),
                "criteria_values");
        String cvid = fx.view("Cost Limit Co", "rep@sweep.local");
        assertLimitExceeded(rep.post(MASS_UPDATE, "{\"data\":[{\"Lead_Source\":\"Partner\"}],\"cvid\":\"" + cvid + "\",\"criteria\":"
                + viewCriteriaOf("starts_with", 2, 30) + "}"), "criteria_text_test_values");
        String longValue = "v".repeat(CriteriaLimits.MAX_VALUE_LENGTH + 1);
        assertLimitExceeded(rep.get("/crm/v2/Leads/search?criteria=" + q("(Company:equals:" + longValue + ")")), "criteria_value_length");

        // the largest accepted criteria are accepted
        assertThat(rep.post("/api/views/count", "{\"module\":\"Leads\",\"criteria\":"
                + viewCriteriaOf("contains", CriteriaLimits.MAX_PATTERN_VALUES, 1) + "}").status()).isEqualTo(200);
    }

    @Test
    void a_view_stored_with_criteria_beyond_the_limits_answers_LIMIT_EXCEEDED_wherever_it_is_used_never_a_500() {
        String criteria = viewCriteriaOf("contains", 1, CriteriaLimits.MAX_PATTERN_VALUES + 1);
        var db = fx.server.app().database();
        long owner = fx.userId("admin@sweep.local");
        long viewId = db.inTransaction(h -> {
            long v = db.nextId(h);
            h.createUpdate("""
                    INSERT INTO custom_views (id, module_id, name, criteria, owner_id, shared_with_all, created_time)
                    VALUES (:id, :m, 'Stored too costly', :criteria, :owner, FALSE, CURRENT_TIMESTAMP)""")
                    .bind("id", v).bind("m", fx.moduleId("Leads")).bind("criteria", criteria).bind("owner", owner).execute();
            return v;
        });
        String cvid = String.valueOf(viewId);
        assertLimitExceeded(admin.get("/crm/v2/Leads?cvid=" + cvid), "criteria_text_test_values");
        assertLimitExceeded(admin.post(MASS_UPDATE, "{\"data\":[{\"Rating\":\"Acquired\"}],\"cvid\":\"" + cvid + "\"}"),
                "criteria_text_test_values");
        JsonNode preview = preview(admin, "{\"data\":[{\"Rating\":\"Acquired\"}],\"cvid\":\"" + cvid + "\"}");
        assertThat(preview.get("error").get("code").asText()).isEqualTo("LIMIT_EXCEEDED");
    }

    @Test
    void a_filtered_read_of_records_running_past_its_timeout_is_cancelled_with_its_own_error() {
        var db = fx.server.app().database();
        Module leads = fx.server.app().metadata().module("Leads").orElseThrow();
        var records = new RecordRepository(db, 1);
        // 60,000² rows: minutes of work, unless the statement is cancelled
        String endless = "1 = (SELECT COUNT(*) FROM rec_leads a, rec_leads b WHERE LOWER(a.last_name) LIKE LOWER(b.city))";
        long started = System.nanoTime();
        assertThatThrownBy(() -> records.count(leads, endless, Map.of())).isInstanceOf(QueryTimeoutException.class);
        System.out.printf("a read with a 1 s timeout was cancelled after %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }
}
