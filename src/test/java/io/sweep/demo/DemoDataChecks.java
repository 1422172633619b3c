package io.sweep.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sweep.crm.DataType;
import io.sweep.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The standard metadata (V002) and the demo seed, checked on one freshly migrated database;
 * subclasses say which database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DemoDataChecks {
    static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> SEEDED = Set.of("Leads", "Accounts", "Contacts", "Deals", "Products", "Projects");

    Database db;
    boolean firstSeed;
    Duration seedTime;

    abstract Database open();

    void closeResources() {}

    @BeforeAll
    void migrateCreateTablesAndSeed() {
        db = open();
        db.migrate();
        RecordTables.create(db);
        long start = System.nanoTime();
        firstSeed = new DemoData(db, CLOCK).seedIfEmpty();
        seedTime = Duration.ofNanos(System.nanoTime() - start);
    }

    @AfterAll
    void close() {
        if (db != null) db.close();
        closeResources();
    }

    long count(String sql) {
        return db.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    List<Map<String, Object>> rows(String sql) {
        return db.withHandle(h -> h.createQuery(sql).mapToMap().list());
    }

    static long id(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    // --- metadata --------------------------------------------------------------------------

    @Test
    void migration_creates_the_sixteen_standard_modules_and_the_custom_Projects_module() {
        var modules = rows("SELECT api_name, module_name, singular_label, plural_label, table_name, generated_type FROM modules");
        assertThat(modules).extracting(m -> m.get("api_name")).containsExactlyInAnyOrder(
                "Leads", "Accounts", "Contacts", "Deals", "Campaigns", "Tasks", "Calls", "Events", "Solutions",
                "Products", "Vendors", "Price_Books", "Quotes", "Sales_Orders", "Purchase_Orders", "Invoices",
                "Projects");
        for (var m : modules) {
            assertThat(m.get("table_name")).isEqualTo("rec_" + ((String) m.get("api_name")).toLowerCase());
            assertThat(m.get("generated_type")).isEqualTo(m.get("api_name").equals("Projects") ? "custom" : "default");
        }
        assertThat(modules).filteredOn(m -> m.get("api_name").equals("Events"))
                .extracting(m -> m.get("singular_label") + "/" + m.get("plural_label"))
                .containsExactly("Meeting/Meetings");
        assertThat(count("SELECT COUNT(*) FROM modules WHERE id >= 5725767000001000000")).isZero();
        assertThat(count("SELECT COUNT(*) FROM fields WHERE id >= 5725767000001000000")).isZero();
    }

    @Test
    void every_module_has_the_system_fields_on_their_fixed_columns() {
        var expected = Map.of(
                "Owner", "owner_id/ownerlookup/false",
                "Created_By", "created_by_id/ownerlookup/true",
                "Modified_By", "modified_by_id/ownerlookup/true",
                "Created_Time", "created_time/datetime/true",
                "Modified_Time", "modified_time/datetime/true",
                "Layout", "layout_id/layout/false");
        long modules = count("SELECT COUNT(*) FROM modules");
        expected.forEach((api, shape) -> {
            var found = rows("SELECT column_name, data_type, read_only, mass_update FROM fields WHERE api_name = '" + api + "'");
            assertThat(found).hasSize((int) modules);
            for (var f : found) {
                assertThat(f.get("column_name") + "/" + f.get("data_type") + "/" + f.get("read_only")).isEqualTo(shape);
                assertThat(f.get("mass_update")).isEqualTo(false);
            }
        });
    }

    @Test
    void every_mass_updatable_field_has_a_type_zoho_mass_updates_and_is_editable() {
        var fields = rows("SELECT api_name, data_type, read_only FROM fields WHERE mass_update = TRUE");
        assertThat(fields).hasSizeGreaterThan(100);
        for (var f : fields) {
            var type = DataType.fromApiName((String) f.get("data_type")).orElseThrow();
            assertThat(type.massUpdatable()).as("%s is %s", f.get("api_name"), type).isTrue();
            assertThat(f.get("read_only")).as("%s", f.get("api_name")).isEqualTo(false);
        }
        // and the other way round: nothing editable of a mass-updatable type was forgotten
        for (var f : rows("SELECT api_name, data_type FROM fields WHERE mass_update = FALSE AND read_only = FALSE")) {
            var type = DataType.fromApiName((String) f.get("data_type")).orElseThrow();
            assertThat(type.massUpdatable() && !f.get("api_name").equals("Owner")).as("%s", f.get("api_name")).isFalse();
        }
    }

    @Test
    void every_field_has_a_known_data_type_and_every_lookup_names_its_module() {
        for (var f : rows("SELECT api_name, data_type, lookup_module_id FROM fields")) {
            var type = DataType.fromApiName((String) f.get("data_type"));
            assertThat(type).as("%s", f.get("api_name")).isPresent();
            assertThat(f.get("lookup_module_id") != null).as("%s", f.get("api_name"))
                    .isEqualTo(type.get() == DataType.LOOKUP);
        }
    }

    @Test
    void every_picklist_has_real_values_and_only_picklists_have_values() {
        assertThat(count("""
                SELECT COUNT(*) FROM fields f WHERE f.data_type IN ('picklist', 'multiselectpicklist')
                AND NOT EXISTS (SELECT 1 FROM picklist_values v WHERE v.field_id = f.id)""")).isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM picklist_values v JOIN fields f ON f.id = v.field_id
                WHERE f.data_type NOT IN ('picklist', 'multiselectpicklist')""")).isZero();
        assertThat(count("SELECT COUNT(*) FROM picklist_values WHERE actual_value LIKE '%None%'")).isZero();
        var leadStatus = rows("""
                SELECT v.actual_value FROM picklist_values v JOIN fields f ON f.id = v.field_id
                JOIN modules m ON m.id = f.module_id
                WHERE m.api_name = 'Leads' AND f.api_name = 'Lead_Status' ORDER BY v.sequence_number""");
        assertThat(leadStatus).extracting(r -> r.get("actual_value")).containsExactly(
                "Attempted to Contact", "Contact in Future", "Contacted", "Junk Lead", "Lost Lead", "Not Contacted",
                "Pre-Qualified", "Not Qualified");
    }

    @Test
    void custom_fields_include_a_multiselect_on_Leads_and_Contacts() {
        assertThat(rows("""
                SELECT m.api_name FROM fields f JOIN modules m ON m.id = f.module_id
                WHERE f.api_name = 'Interests' AND f.custom_field = TRUE
                AND f.data_type = 'multiselectpicklist' AND f.mass_update = TRUE"""))
                .extracting(r -> r.get("api_name")).containsExactlyInAnyOrder("Leads", "Contacts");
        assertThat(count("SELECT COUNT(*) FROM fields WHERE custom_field = TRUE AND data_type IN ('boolean', 'date', 'integer')"))
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void profiles_give_standard_and_sales_rep_their_documented_rights() {
        assertThat(rows("SELECT id, name, administrator FROM profiles ORDER BY id"))
                .extracting(r -> id(r, "id") + " " + r.get("name") + " " + r.get("administrator"))
                .containsExactly(
                        "5725767000000000201 Administrator true",
                        "5725767000000000202 Standard false",
                        "5725767000000000203 Sales Rep false");
        assertThat(rows("""
                SELECT m.api_name FROM profile_modules p JOIN modules m ON m.id = p.module_id
                WHERE p.profile_id = 5725767000000000202 AND p.can_mass_update = TRUE"""))
                .extracting(r -> r.get("api_name"))
                .containsExactlyInAnyOrder("Leads", "Contacts", "Deals", "Accounts", "Projects");
        assertThat(count("SELECT COUNT(*) FROM profile_modules WHERE profile_id = 5725767000000000202")).isEqualTo(17);
        assertThat(rows("""
                SELECT m.api_name, p.record_access, p.can_mass_update FROM profile_modules p
                JOIN modules m ON m.id = p.module_id
                WHERE p.profile_id = 5725767000000000203 AND (p.record_access = 'owned' OR p.can_mass_update = TRUE)"""))
                .extracting(r -> r.get("api_name") + " " + r.get("record_access") + " " + r.get("can_mass_update"))
                .containsExactlyInAnyOrder("Leads owned true", "Contacts owned false", "Deals owned false");
        assertThat(rows("""
                SELECT f.api_name, r.access FROM profile_field_restrictions r JOIN fields f ON f.id = r.field_id
                WHERE r.profile_id = 5725767000000000203"""))
                .extracting(r -> r.get("api_name") + " " + r.get("access"))
                .containsExactlyInAnyOrder("Annual_Revenue read_only", "Rating read_only");
        var admin = rows("SELECT email, full_name, profile_id, created_time FROM users WHERE id = 5725767000000000101");
        assertThat(admin).hasSize(1);
        assertThat(admin.get(0).get("email")).isEqualTo("admin@example.com");
        assertThat(admin.get(0).get("full_name")).isEqualTo("Ada Admin");
        assertThat(id(admin.get(0), "profile_id")).isEqualTo(DemoData.ADMINISTRATOR_PROFILE_ID);
    }

    // --- demo data -------------------------------------------------------------------------

    @Test
    void seeding_fills_the_record_tables_with_the_documented_counts() {
        assertThat(firstSeed).isTrue();
        assertThat(count("SELECT COUNT(*) FROM rec_leads")).isEqualTo(2000);
        assertThat(count("SELECT COUNT(*) FROM rec_accounts")).isEqualTo(300);
        assertThat(count("SELECT COUNT(*) FROM rec_contacts")).isEqualTo(800);
        assertThat(count("SELECT COUNT(*) FROM rec_deals")).isEqualTo(400);
        assertThat(count("SELECT COUNT(*) FROM rec_products")).isEqualTo(50);
        assertThat(count("SELECT COUNT(*) FROM rec_projects")).isEqualTo(20);
        assertThat(count("SELECT COUNT(*) FROM rec_campaigns")).isZero();
    }

    @Test
    void seeding_takes_well_under_two_seconds() {
        assertThat(seedTime).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void seeding_a_second_time_does_nothing() {
        long before = count("SELECT COUNT(*) FROM rec_leads") + count("SELECT COUNT(*) FROM users")
                + count("SELECT COUNT(*) FROM custom_views") + count("SELECT COUNT(*) FROM territories");
        assertThat(new DemoData(db, CLOCK).seedIfEmpty()).isFalse();
        long after = count("SELECT COUNT(*) FROM rec_leads") + count("SELECT COUNT(*) FROM users")
                + count("SELECT COUNT(*) FROM custom_views") + count("SELECT COUNT(*) FROM territories");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void every_picklist_value_stored_in_a_record_exists_in_picklist_values() throws Exception {
        var fields = rows("""
                SELECT m.api_name AS module, m.table_name, f.id, f.api_name, f.column_name, f.data_type
                FROM fields f JOIN modules m ON m.id = f.module_id
                WHERE f.data_type IN ('picklist', 'multiselectpicklist')""");
        int checkedValues = 0;
        for (var f : fields) {
            var allowed = new HashSet<String>();
            rows("SELECT actual_value FROM picklist_values WHERE field_id = " + id(f, "id"))
                    .forEach(r -> allowed.add((String) r.get("actual_value")));
            var stored = rows("SELECT DISTINCT " + f.get("column_name") + " AS v FROM " + f.get("table_name")
                    + " WHERE " + f.get("column_name") + " IS NOT NULL");
            for (var row : stored) {
                var value = (String) row.get("v");
                if (f.get("data_type").equals("multiselectpicklist")) {
                    JsonNode array = JSON.readTree(value);
                    assertThat(array.isArray()).as("%s.%s = %s", f.get("module"), f.get("api_name"), value).isTrue();
                    assertThat(array.size()).isPositive();
                    for (var element : array) {
                        assertThat(allowed).as("%s.%s", f.get("module"), f.get("api_name")).contains(element.asText());
                        checkedValues++;
                    }
                } else {
                    assertThat(allowed).as("%s.%s", f.get("module"), f.get("api_name")).contains(value);
                    checkedValues++;
                }
            }
        }
        assertThat(checkedValues).isGreaterThan(100);
    }

    @Test
    void picklist_values_are_spread_over_the_picklist() {
        assertThat(count("SELECT COUNT(DISTINCT lead_status) FROM rec_leads")).isEqualTo(8);
        assertThat(count("SELECT COUNT(DISTINCT stage) FROM rec_deals")).isEqualTo(9);
        assertThat(count("SELECT COUNT(DISTINCT rating) FROM rec_leads")).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM rec_leads WHERE interests LIKE '%\"Training\"%'")).isPositive();
    }

    @Test
    void every_lookup_and_owner_in_a_record_points_at_an_existing_row() {
        var fields = rows("""
                SELECT m.table_name, f.api_name, f.column_name, f.data_type, t.table_name AS target
                FROM fields f JOIN modules m ON m.id = f.module_id
                LEFT JOIN modules t ON t.id = f.lookup_module_id
                WHERE f.data_type IN ('lookup', 'ownerlookup')""");
        for (var f : fields) {
            var target = f.get("data_type").equals("ownerlookup") ? "users" : (String) f.get("target");
            long dangling = count("SELECT COUNT(*) FROM " + f.get("table_name") + " r WHERE r." + f.get("column_name")
                    + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + target + " x WHERE x.id = r." + f.get("column_name") + ")");
            assertThat(dangling).as("%s.%s", f.get("table_name"), f.get("api_name")).isZero();
        }
        for (var module : SEEDED) {
            var table = "rec_" + module.toLowerCase();
            assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE owner_id IS NULL OR created_by_id IS NULL"
                    + " OR modified_by_id IS NULL OR created_time IS NULL OR modified_time IS NULL"
                    + " OR modified_time < created_time OR version <> 1")).as(table).isZero();
        }
        assertThat(count("SELECT COUNT(*) FROM rec_contacts WHERE account_name IS NOT NULL")).isGreaterThan(700);
    }

    @Test
    void demo_users_territories_and_sams_territory_exist() {
        assertThat(rows("SELECT u.email, u.full_name, p.name FROM users u JOIN profiles p ON p.id = u.profile_id ORDER BY u.email"))
                .extracting(r -> r.get("email") + " " + r.get("full_name") + " " + r.get("name"))
                .containsExactly(
                        "admin@example.com Ada Admin Administrator",
                        "sam@example.com Sam Seller Sales Rep",
                        "stella@example.com Stella Standard Standard");
        assertThat(rows("""
                SELECT t.name, p.name AS parent FROM territories t LEFT JOIN territories p ON p.id = t.parent_id"""))
                .extracting(r -> r.get("name") + " < " + r.get("parent"))
                .containsExactlyInAnyOrder("Worldwide < null", "Europe < Worldwide", "Germany < Europe",
                        "France < Europe", "Americas < Worldwide", "USA < Americas");
        assertThat(rows("""
                SELECT u.email, t.name FROM user_territories ut JOIN users u ON u.id = ut.user_id
                JOIN territories t ON t.id = ut.territory_id"""))
                .extracting(r -> r.get("email") + " " + r.get("name"))
                .containsExactly("sam@example.com Germany");
        assertThat(count("""
                SELECT COUNT(*) FROM rec_leads l JOIN territories t ON t.id = l.territory_id
                WHERE t.name = 'Germany'""")).isGreaterThan(100);
        assertThat(count("SELECT COUNT(*) FROM rec_leads WHERE owner_id = (SELECT id FROM users WHERE email = 'sam@example.com')"))
                .isGreaterThan(200);
    }

    @Test
    void about_fifty_leads_are_in_the_Lead_Qualification_blueprint() {
        var blueprints = rows("""
                SELECT b.id, b.active, f.api_name FROM blueprints b JOIN fields f ON f.id = b.field_id
                JOIN modules m ON m.id = b.module_id WHERE m.api_name = 'Leads' AND b.name = 'Lead Qualification'""");
        assertThat(blueprints).hasSize(1);
        assertThat(blueprints.get(0).get("api_name")).isEqualTo("Lead_Status");
        assertThat(count("SELECT COUNT(*) FROM rec_leads WHERE blueprint_id = " + id(blueprints.get(0), "id"))).isEqualTo(50);
        assertThat(count("SELECT COUNT(*) FROM rec_leads WHERE blueprint_id IS NOT NULL AND lead_status = 'Contacted'"))
                .isPositive();
    }

    @Test
    void some_contacted_leads_were_last_modified_more_than_thirty_days_ago() {
        var cutoff = OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC).minusDays(30);
        long old = db.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM rec_leads WHERE lead_status = 'Contacted' AND modified_time < :cutoff")
                .bind("cutoff", cutoff).mapTo(Long.class).one());
        long recent = db.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM rec_leads WHERE lead_status = 'Contacted' AND modified_time >= :cutoff")
                .bind("cutoff", cutoff).mapTo(Long.class).one());
        assertThat(old).isGreaterThan(100);
        assertThat(recent).isPositive();
        assertThat(count("SELECT COUNT(*) FROM rec_leads WHERE modified_time > TIMESTAMP WITH TIME ZONE '2026-03-01 09:00:00+00'"))
                .isZero();
    }

    @Test
    void one_lead_carries_an_html_payload_in_its_last_name() {
        long count = db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM rec_leads WHERE last_name = :name")
                .bind("name", DemoData.XSS_LAST_NAME).mapTo(Long.class).one());
        assertThat(count).isEqualTo(1);
    }

    @Test
    void revenue_and_phone_numbers_vary() {
        assertThat(count("SELECT COUNT(*) FROM rec_leads WHERE annual_revenue > 1000000")).isBetween(200L, 1800L);
        assertThat(count("SELECT COUNT(*) FROM rec_leads WHERE annual_revenue < 100000")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM rec_leads WHERE annual_revenue IS NULL")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM rec_leads WHERE phone LIKE '(%'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM rec_leads WHERE phone LIKE '+49%'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM rec_leads WHERE phone LIKE '%/%'")).isPositive();
    }

    @Test
    void custom_views_have_zoho_shaped_criteria_and_the_documented_sharing() throws Exception {
        var views = rows("""
                SELECT v.id, m.api_name AS module, v.name, v.system_name, v.is_default, v.system_defined, v.criteria,
                       v.shared_with_all, v.owner_id FROM custom_views v JOIN modules m ON m.id = v.module_id""");
        assertThat(views).filteredOn(v -> v.get("module").equals("Leads"))
                .extracting(v -> v.get("name") + " shared=" + v.get("shared_with_all") + " default=" + v.get("is_default"))
                .containsExactlyInAnyOrder(
                        "All Leads shared=true default=true",
                        "Contacted Leads shared=true default=false",
                        "High Revenue Leads shared=false default=false",
                        "Private View of Ada shared=false default=false");
        assertThat(views).filteredOn(v -> Boolean.TRUE.equals(v.get("is_default"))).hasSize(17);
        var fieldIds = new java.util.HashMap<String, Long>();
        rows("SELECT m.api_name AS module, f.api_name, f.id FROM fields f JOIN modules m ON m.id = f.module_id")
                .forEach(r -> fieldIds.put(r.get("module") + "." + r.get("api_name"), id(r, "id")));
        for (var v : views) {
            if (v.get("criteria") == null) continue;
            checkCriteria(JSON.readTree((String) v.get("criteria")), (String) v.get("module"), fieldIds);
        }
        var contacted = views.stream().filter(v -> v.get("name").equals("Contacted Leads")).findFirst().orElseThrow();
        assertThat(JSON.readTree((String) contacted.get("criteria")).get("value").asText()).isEqualTo("Contacted");
        var open = views.stream().filter(v -> v.get("name").equals("Open Deals")).findFirst().orElseThrow();
        assertThat(JSON.readTree((String) open.get("criteria")).get("comparator").asText()).isEqualTo("not_in");
        var highRevenue = views.stream().filter(v -> v.get("name").equals("High Revenue Leads")).findFirst().orElseThrow();
        assertThat(rows("SELECT u.email FROM custom_view_shares s JOIN users u ON u.id = s.user_id WHERE s.custom_view_id = "
                + id(highRevenue, "id")))
                .extracting(r -> r.get("email")).containsExactly("sam@example.com");
        assertThat(count("SELECT COUNT(*) FROM custom_view_shares")).isEqualTo(1);
    }

    private static void checkCriteria(JsonNode node, String module, Map<String, Long> fieldIds) {
        if (node.has("group")) {
            assertThat(node.get("group_operator").asText()).isIn("and", "or");
            node.get("group").forEach(c -> checkCriteria(c, module, fieldIds));
            return;
        }
        var api = node.get("field").get("api_name").asText();
        assertThat(node.get("field").get("id").asText()).isEqualTo(String.valueOf(fieldIds.get(module + "." + api)));
        assertThat(node.get("comparator").asText()).isIn("equal", "not_equal", "in", "not_in", "less_than",
                "less_equal", "greater_than", "greater_equal", "contains", "not_contains", "starts_with",
                "ends_with", "between", "not_between");
        assertThat(node.has("value")).isTrue();
    }
}
