package io.sweep.demo;

import static io.sweep.demo.DemoWords.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sweep.crm.DataType;
import io.sweep.db.Database;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Fills an empty database with a small, plausible CRM: three users, a territory tree, leads,
 * accounts, contacts, deals, products and projects, a blueprint and a few custom views. The
 * same clock gives the same data: names and values come from a seeded {@link Random}, ids
 * from the id sequence.
 *
 * <p>Needs the metadata of V002 and the record tables RecordSchema creates from it.
 */
public final class DemoData {
    public static final long ADMIN_ID = 5725767000000000101L;
    public static final long ADMINISTRATOR_PROFILE_ID = 5725767000000000201L;
    public static final long STANDARD_PROFILE_ID = 5725767000000000202L;
    public static final long SALES_REP_PROFILE_ID = 5725767000000000203L;
    public static final String SAM_EMAIL = "sam@example.com";
    public static final String STELLA_EMAIL = "stella@example.com";
    /** Last name of the one lead that checks HTML escaping wherever records are shown. */
    public static final String XSS_LAST_NAME = "<img src=x onerror=alert(1)>";

    static final int LEADS = 2000;
    static final int ACCOUNTS = 300;
    static final int CONTACTS = 800;
    static final int DEALS = 400;
    static final int PRODUCTS = 50;
    static final int PROJECTS = 20;
    static final int BLUEPRINT_LEADS = 50;

    private static final long SEED = 20260101L;
    private static final int BATCH_SIZE = 500;
    private static final int ID_BLOCK = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_ASCII = Pattern.compile("[^A-Za-z0-9.]");
    private static final Pattern LEGAL_FORM =
            Pattern.compile(" (Inc\\.|GmbH & Co\\. KG|GmbH|AG|SARL|S\\.A\\.|Ltd|PLC|LLC|Corp\\.|B\\.V\\.)$");
    private static final Set<String> BLUEPRINT_STATUSES = Set.of("Not Contacted", "Attempted to Contact", "Contacted");

    private final Database db;
    private final Clock clock;

    public DemoData(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Seeds when there are no leads and no demo users yet. Returns whether it seeded. Safe to
     * call from several nodes at once: the admin's row is locked first, so a second caller
     * waits and then finds the data.
     */
    public boolean seedIfEmpty() {
        return db.inTransaction(h -> {
            h.createQuery("SELECT id FROM users WHERE id = :id FOR UPDATE")
                    .bind("id", ADMIN_ID)
                    .mapTo(Long.class)
                    .findOne();
            long leads = h.createQuery("SELECT COUNT(*) FROM rec_leads").mapTo(Long.class).one();
            long demoUsers = h.createQuery("SELECT COUNT(*) FROM users WHERE email IN (:sam, :stella)")
                    .bind("sam", SAM_EMAIL)
                    .bind("stella", STELLA_EMAIL)
                    .mapTo(Long.class)
                    .one();
            if (leads > 0 || demoUsers > 0) return false;
            new Seeder(h).seed();
            return true;
        });
    }

    // ---------------------------------------------------------------------------------------
    // Metadata: the demo names fields by api name; tables and columns come from the metadata.

    private record FieldMeta(long id, String column, DataType type) {}

    private record ModuleMeta(long id, String table, Map<String, FieldMeta> fields) {
        FieldMeta field(String apiName) {
            var f = fields.get(apiName);
            if (f == null) throw new IllegalStateException("demo data needs field " + apiName + " in " + table);
            return f;
        }
    }

    private static Map<String, ModuleMeta> loadMetadata(Handle h) {
        var modules = new HashMap<String, ModuleMeta>();
        h.createQuery("""
                        SELECT m.api_name AS module, m.id AS module_id, m.table_name,
                               f.api_name AS field, f.id AS field_id, f.column_name, f.data_type
                        FROM modules m JOIN fields f ON f.module_id = m.id""")
                .mapToMap()
                .forEach(row -> {
                    var module = modules.computeIfAbsent((String) row.get("module"), k -> new ModuleMeta(
                            ((Number) row.get("module_id")).longValue(), (String) row.get("table_name"),
                            new HashMap<>()));
                    var type = DataType.fromApiName((String) row.get("data_type")).orElseThrow();
                    module.fields().put((String) row.get("field"), new FieldMeta(
                            ((Number) row.get("field_id")).longValue(), (String) row.get("column_name"), type));
                });
        return modules;
    }

    private static Class<?> javaType(DataType type) {
        return switch (type) {
            case TEXT, TEXTAREA, EMAIL, PHONE, WEBSITE, PICKLIST, MULTISELECTPICKLIST, FORMULA, AUTONUMBER ->
                    String.class;
            case INTEGER -> Integer.class;
            case BIGINT, LOOKUP, OWNERLOOKUP, LAYOUT -> Long.class;
            case DOUBLE, PERCENT -> Double.class;
            case DECIMAL, CURRENCY -> BigDecimal.class;
            case BOOLEAN -> Boolean.class;
            case DATE -> LocalDate.class;
            case DATETIME -> OffsetDateTime.class;
        };
    }

    /** The common part of every record row. */
    private record Sys(long id, long ownerId, long createdById, OffsetDateTime created,
                       OffsetDateTime modified, Long territoryId, Long blueprintId, String tags) {}

    /** Rows for one record table, inserted in prepared batches. The owner is the last to have modified a record. */
    private static final class RecordRows {
        private final ModuleMeta module;
        private final List<String> fieldNames;
        private final List<Row> rows = new ArrayList<>();

        private record Row(Sys sys, Object[] values) {}

        RecordRows(ModuleMeta module, String... fieldNames) {
            this.module = module;
            this.fieldNames = List.of(fieldNames);
            this.fieldNames.forEach(module::field);
        }

        void add(Sys sys, Map<String, Object> values) {
            if (!values.keySet().equals(Set.copyOf(fieldNames))) {
                throw new IllegalArgumentException("values " + values.keySet() + " do not match " + fieldNames);
            }
            var row = new Object[fieldNames.size()];
            for (int i = 0; i < row.length; i++) {
                var field = module.field(fieldNames.get(i));
                var value = values.get(fieldNames.get(i));
                if (value != null && !javaType(field.type()).isInstance(value)) {
                    throw new IllegalArgumentException(fieldNames.get(i) + " needs " + javaType(field.type()).getSimpleName()
                            + ", got " + value.getClass().getSimpleName());
                }
                row[i] = value;
            }
            rows.add(new Row(sys, row));
        }

        void insert(Handle h) {
            var columns = new ArrayList<>(List.of("id", "version", "territory_id", "blueprint_id", "tags",
                    module.field("Owner").column(), module.field("Created_By").column(),
                    module.field("Modified_By").column(), module.field("Created_Time").column(),
                    module.field("Modified_Time").column()));
            fieldNames.forEach(f -> columns.add(module.field(f).column()));
            var sql = "INSERT INTO " + module.table() + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
            var batch = h.prepareBatch(sql);
            int pending = 0;
            for (var row : rows) {
                var sys = row.sys();
                var values = row.values();
                int p = 0;
                batch.bind(p++, sys.id());
                batch.bind(p++, 1);
                batch.bindByType(p++, sys.territoryId(), Long.class);
                batch.bindByType(p++, sys.blueprintId(), Long.class);
                batch.bindByType(p++, sys.tags(), String.class);
                batch.bind(p++, sys.ownerId());
                batch.bind(p++, sys.createdById());
                batch.bind(p++, sys.ownerId());
                batch.bind(p++, sys.created());
                batch.bind(p++, sys.modified());
                for (int i = 0; i < values.length; i++) {
                    Type type = javaType(module.field(fieldNames.get(i)).type());
                    batch.bindByType(p++, values[i], type);
                }
                batch.add();
                if (++pending == BATCH_SIZE) {
                    batch.execute();
                    batch = h.prepareBatch(sql);
                    pending = 0;
                }
            }
            if (pending > 0) batch.execute();
        }
    }

    // ---------------------------------------------------------------------------------------

    private final class Seeder {
        private final Handle h;
        private final Random random = new Random(SEED);
        private final OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.SECONDS);
        private final Map<String, ModuleMeta> meta;
        private long samId;
        private long stellaId;
        private final Map<String, Long> territories = new LinkedHashMap<>();
        private final ArrayDeque<Long> ids = new ArrayDeque<>();

        private record Account(long id, String name, String domain, Place place, Long territoryId, long ownerId) {}

        private record Contact(long id, long accountId) {}

        private final List<Account> accounts = new ArrayList<>();
        private final List<Contact> contacts = new ArrayList<>();

        private final Map<String, List<String>> picklists = new HashMap<>();

        Seeder(Handle h) {
            this.h = h;
            this.meta = loadMetadata(h);
            h.createQuery("""
                            SELECT m.api_name AS module, f.api_name AS field, v.actual_value
                            FROM picklist_values v JOIN fields f ON f.id = v.field_id JOIN modules m ON m.id = f.module_id
                            ORDER BY v.sequence_number""")
                    .mapToMap()
                    .forEach(row -> picklists.computeIfAbsent(row.get("module") + "." + row.get("field"),
                            k -> new ArrayList<>()).add((String) row.get("actual_value")));
        }

        /** A picklist's values in their order, as the metadata has them. */
        private List<String> values(String module, String field) {
            var values = picklists.get(module + "." + field);
            if (values == null) throw new IllegalStateException("demo data needs picklist " + module + "." + field);
            return values;
        }

        void seed() {
            users();
            territories();
            long blueprintId = blueprint();
            leads(blueprintId);
            accounts();
            contacts();
            deals();
            products();
            projects();
            customViews();
        }

        /**
         * Ids come from the shared sequence, drawn a thousand at a time: one round trip per id
         * would be most of the seeding time on PostgreSQL.
         */
        private long id() {
            if (ids.isEmpty()) {
                ids.addAll(db.nextIds(h, ID_BLOCK));
                if (ids.size() != ID_BLOCK) throw new IllegalStateException("expected " + ID_BLOCK + " ids, got " + ids.size());
            }
            return ids.removeFirst();
        }

        // --- users, territories, blueprint, views ---------------------------------------

        private void users() {
            samId = id();
            stellaId = id();
            var batch = h.prepareBatch("""
                    INSERT INTO users (id, email, full_name, profile_id, active, created_time)
                    VALUES (:id, :email, :name, :profile, TRUE, :created)""");
            batch.bind("id", samId).bind("email", SAM_EMAIL).bind("name", "Sam Seller")
                    .bind("profile", SALES_REP_PROFILE_ID).bind("created", now).add();
            batch.bind("id", stellaId).bind("email", STELLA_EMAIL).bind("name", "Stella Standard")
                    .bind("profile", STANDARD_PROFILE_ID).bind("created", now).add();
            batch.execute();
        }

        private void territories() {
            territory("Worldwide", null);
            territory("Europe", "Worldwide");
            territory("Germany", "Europe");
            territory("France", "Europe");
            territory("Americas", "Worldwide");
            territory("USA", "Americas");
            h.createUpdate("INSERT INTO user_territories (user_id, territory_id) VALUES (:user, :territory)")
                    .bind("user", samId)
                    .bind("territory", territories.get("Germany"))
                    .execute();
        }

        private void territory(String name, String parent) {
            long id = id();
            h.createUpdate("INSERT INTO territories (id, name, parent_id) VALUES (:id, :name, :parent)")
                    .bind("id", id)
                    .bind("name", name)
                    .bindByType("parent", parent == null ? null : territories.get(parent), Long.class)
                    .execute();
            territories.put(name, id);
        }

        /** Germany, France and the USA have their own territories; the rest of Europe and the Americas share one. */
        private Long territoryOf(Place place) {
            return switch (place.country()) {
                case "Germany" -> territories.get("Germany");
                case "France" -> territories.get("France");
                case "USA" -> territories.get("USA");
                case "United Kingdom", "Spain", "Italy", "Netherlands" -> territories.get("Europe");
                case "Canada", "Brazil" -> territories.get("Americas");
                default -> null;
            };
        }

        private long blueprint() {
            var leads = meta.get("Leads");
            long id = id();
            h.createUpdate("""
                            INSERT INTO blueprints (id, module_id, name, field_id, active)
                            VALUES (:id, :module, 'Lead Qualification', :field, TRUE)""")
                    .bind("id", id)
                    .bind("module", leads.id())
                    .bind("field", leads.field("Lead_Status").id())
                    .execute();
            return id;
        }

        private void customViews() {
            var leads = meta.get("Leads");
            var deals = meta.get("Deals");
            var sql = """
                    INSERT INTO custom_views (id, module_id, name, system_name, is_default, system_defined, criteria,
                                              owner_id, shared_with_all, created_time)
                    VALUES (:id, :module, :name, :systemName, :isDefault, :systemDefined, :criteria,
                            :owner, :sharedWithAll, :created)""";
            var batch = h.prepareBatch(sql);
            // Every module gets Zoho's "All <records>" view, the default one.
            var modules = h.createQuery("SELECT api_name, plural_label FROM modules ORDER BY sequence_number")
                    .mapToMap()
                    .list();
            for (var module : modules) {
                view(batch, id(), meta.get((String) module.get("api_name")).id(), "All " + module.get("plural_label"),
                        "ALLVIEWS", true, true, null, true);
            }
            view(batch, id(), leads.id(), "Contacted Leads", null, false, false,
                    criterion(leads, "Lead_Status", "equal", "Contacted"), true);
            long highRevenue = id();
            view(batch, highRevenue, leads.id(), "High Revenue Leads", null, false, false,
                    criterion(leads, "Annual_Revenue", "greater_than", 1_000_000), false);
            view(batch, id(), leads.id(), "Private View of Ada", null, false, false,
                    group("and", criterion(leads, "Lead_Status", "equal", "Pre-Qualified"),
                            criterion(leads, "Country", "equal", "Germany")), false);
            view(batch, id(), deals.id(), "Open Deals", null, false, false,
                    criterion(deals, "Stage", "not_in", List.of("Closed Won", "Closed Lost")), true);
            batch.execute();
            h.createUpdate("INSERT INTO custom_view_shares (custom_view_id, user_id) VALUES (:view, :user)")
                    .bind("view", highRevenue)
                    .bind("user", samId)
                    .execute();
        }

        private void view(PreparedBatch batch, long id, long moduleId, String name,
                          String systemName, boolean isDefault, boolean systemDefined, ObjectNode criteria,
                          boolean sharedWithAll) {
            batch.bind("id", id)
                    .bind("module", moduleId)
                    .bind("name", name)
                    .bindByType("systemName", systemName, String.class)
                    .bind("isDefault", isDefault)
                    .bind("systemDefined", systemDefined)
                    .bindByType("criteria", criteria == null ? null : criteria.toString(), String.class)
                    .bind("owner", ADMIN_ID)
                    .bind("sharedWithAll", sharedWithAll)
                    .bind("created", now)
                    .add();
        }

        private ObjectNode criterion(ModuleMeta module, String field, String comparator, Object value) {
            var node = JSON.createObjectNode();
            node.put("comparator", comparator);
            node.putObject("field")
                    .put("api_name", field)
                    .put("id", Long.toString(module.field(field).id()));
            node.set("value", JSON.valueToTree(value));
            return node;
        }

        private ObjectNode group(String operator, ObjectNode... criteria) {
            var node = JSON.createObjectNode();
            node.put("group_operator", operator);
            var group = node.putArray("group");
            for (var c : criteria) group.add(c);
            return node;
        }

        // --- records -------------------------------------------------------------------

        private void leads(long blueprintId) {
            var rows = new RecordRows(meta.get("Leads"), "Company", "Salutation", "First_Name", "Last_Name",
                    "Designation", "Email", "Secondary_Email", "Phone", "Mobile", "Fax", "Website", "Lead_Source",
                    "Lead_Status", "Industry", "No_of_Employees", "Annual_Revenue", "Rating", "Email_Opt_Out",
                    "Skype_ID", "Twitter", "Street", "City", "State", "Zip_Code", "Country", "Description",
                    "Last_Activity_Time", "Interests", "Lead_Score", "Follow_Up_Date", "Layout");
            int inBlueprint = 0;
            int xssAt = 1234;
            for (int i = 0; i < LEADS; i++) {
                var place = weighted(PLACES, PLACE_WEIGHTS);
                var first = pick(FIRST_NAMES);
                var last = i == xssAt ? XSS_LAST_NAME : pick(LAST_NAMES);
                var company = companyName(pick(COMPANY_PREFIXES), pick(COMPANY_CORES), place);
                var domain = domain(company, place);
                var status = weighted(LEAD_STATUSES, LEAD_STATUS_WEIGHTS);
                var created = now.minusDays(2 + random.nextInt(400)).minusSeconds(random.nextInt(86_400));
                OffsetDateTime modified;
                if (status.equals("Contacted") && random.nextBoolean()) {
                    // contacted long ago and not touched since: what a "cool down" rule looks for
                    modified = now.minusDays(31 + random.nextInt(150)).minusSeconds(random.nextInt(86_400));
                    if (modified.isBefore(created)) created = modified.minusDays(1 + random.nextInt(30));
                } else {
                    modified = between(created, now);
                }
                var owner = owner(place);
                Long blueprint = null;
                if (inBlueprint < BLUEPRINT_LEADS && i % 7 == 3
                        && BLUEPRINT_STATUSES.contains(status)) {
                    blueprint = blueprintId;
                    inBlueprint++;
                }
                Integer employees = random.nextInt(10) == 0 ? null : employees();
                BigDecimal revenue = random.nextInt(8) == 0 ? null : revenue(employees);
                String tags = random.nextInt(12) == 0 ? json(distinctSample(LEAD_TAGS, 1 + random.nextInt(2))) : null;
                var v = new HashMap<String, Object>();
                v.put("Company", i == xssAt ? "Injection Test Ltd" : company);
                v.put("Salutation", random.nextInt(3) == 0 ? null : pick(values("Leads", "Salutation")));
                v.put("First_Name", i == xssAt ? "Mallory" : first);
                v.put("Last_Name", last);
                v.put("Designation", random.nextInt(5) == 0 ? null : pick(DESIGNATIONS));
                v.put("Email", random.nextInt(15) == 0 ? null
                        : i == xssAt ? "mallory@example.com" : email(first, last, domain));
                v.put("Secondary_Email", random.nextInt(12) == 0 ? email(first, "", "mail." + place.tld()) : null);
                v.put("Phone", random.nextInt(10) == 0 ? null : phone(place));
                v.put("Mobile", random.nextInt(3) == 0 ? phone(place) : null);
                v.put("Fax", random.nextInt(20) == 0 ? phone(place) : null);
                v.put("Website", random.nextInt(4) == 0 ? null : website(domain));
                v.put("Lead_Source", random.nextInt(10) == 0 ? null : pick(values("Leads", "Lead_Source")));
                v.put("Lead_Status", status);
                v.put("Industry", random.nextInt(6) == 0 ? null : pick(values("Leads", "Industry")));
                v.put("No_of_Employees", employees);
                v.put("Annual_Revenue", revenue);
                v.put("Rating", random.nextInt(3) == 0 ? null : pick(values("Leads", "Rating")));
                v.put("Email_Opt_Out", random.nextInt(10) == 0);
                v.put("Skype_ID", random.nextInt(25) == 0 ? ascii(first + "." + last) : null);
                v.put("Twitter", random.nextInt(20) == 0 ? "@" + ascii(first + last) : null);
                v.put("Street", random.nextInt(8) == 0 ? null : street(place));
                v.put("City", random.nextInt(15) == 0 ? null : place.city());
                v.put("State", random.nextInt(6) == 0 ? null : place.state());
                v.put("Zip_Code", random.nextInt(8) == 0 ? null : place.zip());
                v.put("Country", random.nextInt(20) == 0 ? null : place.country());
                v.put("Description", random.nextInt(10) == 0
                        ? "Met at " + pick(values("Leads", "Lead_Source")).toLowerCase(Locale.ROOT) + ".\nInterested in a "
                                + pick(DEAL_TOPICS).toLowerCase(Locale.ROOT) + " for the "
                                + pick(DEPARTMENTS) + " team."
                        : null);
                v.put("Last_Activity_Time", modified);
                v.put("Interests", random.nextInt(3) == 0 ? null
                        : json(distinctSample(values("Leads", "Interests"), 1 + random.nextInt(3))));
                v.put("Lead_Score", random.nextInt(4) == 0 ? null : random.nextInt(101));
                v.put("Follow_Up_Date", random.nextInt(5) == 0
                        ? now.toLocalDate().plusDays(random.nextInt(90) - 20) : null);
                v.put("Layout", null);
                rows.add(new Sys(id(), owner, creator(owner), created, modified, territoryOf(place), blueprint, tags), v);
            }
            rows.insert(h);
        }

        private void accounts() {
            var rows = new RecordRows(meta.get("Accounts"), "Account_Name", "Account_Site", "Parent_Account",
                    "Account_Number", "Account_Type", "Industry", "Annual_Revenue", "Employees", "Ownership",
                    "Rating", "SIC_Code", "Ticker_Symbol", "Phone", "Fax", "Website", "Billing_Street",
                    "Billing_City", "Billing_State", "Billing_Code", "Billing_Country", "Shipping_Street",
                    "Shipping_City", "Shipping_State", "Shipping_Code", "Shipping_Country", "Description",
                    "Last_Activity_Time", "Key_Account", "Customer_Since", "Layout");
            var names = new LinkedHashSet<String>();
            while (accounts.size() < ACCOUNTS) {
                var prefix = pick(COMPANY_PREFIXES);
                var core = pick(COMPANY_CORES);
                if (!names.add(prefix + " " + core)) continue;
                var place = weighted(PLACES, PLACE_WEIGHTS);
                var name = companyName(prefix, core, place);
                var domain = domain(name, place);
                var type = weighted(ACCOUNT_TYPES, ACCOUNT_TYPE_WEIGHTS);
                var created = now.minusDays(30 + random.nextInt(700)).minusSeconds(random.nextInt(86_400));
                var modified = between(created, now);
                var owner = owner(place);
                Integer employees = employees();
                var street = street(place);
                boolean sameShipping = random.nextInt(3) > 0;
                Long parent = accounts.size() > 20 && random.nextInt(12) == 0
                        ? accounts.get(random.nextInt(accounts.size())).id() : null;
                var v = new HashMap<String, Object>();
                v.put("Account_Name", name);
                v.put("Account_Site", random.nextInt(3) == 0 ? (random.nextBoolean() ? "Headquarters" : place.city()) : null);
                v.put("Parent_Account", parent);
                v.put("Account_Number", random.nextInt(5) == 0 ? null : 1_000_000_000L + (long) (random.nextDouble() * 8_999_999_999L));
                v.put("Account_Type", type);
                v.put("Industry", random.nextInt(8) == 0 ? null : pick(values("Accounts", "Industry")));
                v.put("Annual_Revenue", random.nextInt(10) == 0 ? null : revenue(employees));
                v.put("Employees", employees);
                v.put("Ownership", random.nextInt(4) == 0 ? null : pick(values("Accounts", "Ownership")));
                v.put("Rating", random.nextInt(3) == 0 ? null : pick(values("Accounts", "Rating")));
                v.put("SIC_Code", random.nextInt(3) == 0 ? null : 1000 + random.nextInt(8000));
                v.put("Ticker_Symbol", random.nextInt(10) == 0 ? ascii(prefix).toUpperCase(Locale.ROOT).substring(0, 3)
                        + ascii(core).toUpperCase(Locale.ROOT).charAt(0) : null);
                v.put("Phone", phone(place));
                v.put("Fax", random.nextInt(6) == 0 ? phone(place) : null);
                v.put("Website", website(domain));
                v.put("Billing_Street", street);
                v.put("Billing_City", place.city());
                v.put("Billing_State", place.state());
                v.put("Billing_Code", place.zip());
                v.put("Billing_Country", place.country());
                v.put("Shipping_Street", sameShipping ? street : null);
                v.put("Shipping_City", sameShipping ? place.city() : null);
                v.put("Shipping_State", sameShipping ? place.state() : null);
                v.put("Shipping_Code", sameShipping ? place.zip() : null);
                v.put("Shipping_Country", sameShipping ? place.country() : null);
                v.put("Description", random.nextInt(8) == 0 ? name + " buys through its " + place.city() + " office." : null);
                v.put("Last_Activity_Time", modified);
                v.put("Key_Account", type.equals("Customer") && random.nextInt(4) == 0);
                v.put("Customer_Since", type.equals("Customer")
                        ? created.toLocalDate().minusDays(random.nextInt(2000)) : null);
                v.put("Layout", null);
                long id = id();
                var territory = territoryOf(place);
                rows.add(new Sys(id, owner, creator(owner), created, modified, territory, null, null), v);
                accounts.add(new Account(id, name, domain, place, territory, owner));
            }
            rows.insert(h);
        }

        private void contacts() {
            var rows = new RecordRows(meta.get("Contacts"), "Salutation", "First_Name", "Last_Name", "Account_Name",
                    "Title", "Department", "Email", "Phone", "Mobile", "Home_Phone", "Reporting_To", "Lead_Source",
                    "Date_of_Birth", "Email_Opt_Out", "Mailing_Street", "Mailing_City", "Mailing_State",
                    "Mailing_Zip", "Mailing_Country", "Description", "Last_Activity_Time", "Interests",
                    "Preferred_Language", "Layout");
            var firstOfAccount = new HashMap<Long, Long>();
            for (int i = 0; i < CONTACTS; i++) {
                var account = pick(accounts);
                var place = account.place();
                var first = pick(FIRST_NAMES);
                var last = pick(LAST_NAMES);
                var created = now.minusDays(1 + random.nextInt(600)).minusSeconds(random.nextInt(86_400));
                var modified = between(created, now);
                long owner = random.nextInt(4) == 0 ? owner(place) : account.ownerId();
                long id = id();
                Long reportsTo = firstOfAccount.get(account.id());
                if (reportsTo == null) firstOfAccount.put(account.id(), id);
                var v = new HashMap<String, Object>();
                v.put("Salutation", random.nextInt(3) == 0 ? null : pick(values("Contacts", "Salutation")));
                v.put("First_Name", first);
                v.put("Last_Name", last);
                v.put("Account_Name", random.nextInt(20) == 0 ? null : account.id());
                v.put("Title", random.nextInt(4) == 0 ? null : pick(DESIGNATIONS));
                v.put("Department", random.nextInt(3) == 0 ? null : pick(DEPARTMENTS));
                v.put("Email", random.nextInt(12) == 0 ? null : email(first, last, account.domain()));
                v.put("Phone", random.nextInt(8) == 0 ? null : phone(place));
                v.put("Mobile", random.nextBoolean() ? phone(place) : null);
                v.put("Home_Phone", random.nextInt(15) == 0 ? phone(place) : null);
                v.put("Reporting_To", reportsTo != null && random.nextInt(3) == 0 ? reportsTo : null);
                v.put("Lead_Source", random.nextInt(5) == 0 ? null : pick(values("Contacts", "Lead_Source")));
                v.put("Date_of_Birth", random.nextInt(4) == 0
                        ? LocalDate.of(1955 + random.nextInt(45), 1 + random.nextInt(12), 1 + random.nextInt(28)) : null);
                v.put("Email_Opt_Out", random.nextInt(12) == 0);
                v.put("Mailing_Street", random.nextInt(5) == 0 ? null : street(place));
                v.put("Mailing_City", place.city());
                v.put("Mailing_State", random.nextInt(5) == 0 ? null : place.state());
                v.put("Mailing_Zip", random.nextInt(5) == 0 ? null : place.zip());
                v.put("Mailing_Country", place.country());
                v.put("Description", random.nextInt(15) == 0 ? "Prefers e-mail over calls." : null);
                v.put("Last_Activity_Time", modified);
                v.put("Interests", random.nextInt(2) == 0 ? null
                        : json(distinctSample(values("Contacts", "Interests"), 1 + random.nextInt(2))));
                v.put("Preferred_Language", random.nextInt(3) == 0 ? null : language(place));
                v.put("Layout", null);
                rows.add(new Sys(id, owner, creator(owner), created, modified, account.territoryId(), null, null), v);
                contacts.add(new Contact(id, account.id()));
            }
            rows.insert(h);
        }

        private void deals() {
            var rows = new RecordRows(meta.get("Deals"), "Deal_Name", "Amount", "Closing_Date", "Account_Name",
                    "Stage", "Type", "Probability", "Next_Step", "Lead_Source", "Contact_Name", "Description",
                    "Last_Activity_Time", "Discount_Rate", "Renewal", "Layout");
            var contactsByAccount = new HashMap<Long, List<Long>>();
            for (var c : contacts) contactsByAccount.computeIfAbsent(c.accountId(), k -> new ArrayList<>()).add(c.id());
            for (int i = 0; i < DEALS; i++) {
                var account = pick(accounts);
                int stage = weightedIndex(STAGE_WEIGHTS);
                boolean closed = stage >= 7;
                var topic = pick(DEAL_TOPICS);
                var created = now.minusDays(10 + random.nextInt(365)).minusSeconds(random.nextInt(86_400));
                var modified = between(created, now);
                var closing = closed
                        ? between(created, modified).toLocalDate()
                        : now.toLocalDate().plusDays(random.nextInt(200) - 30);
                var dealContacts = contactsByAccount.getOrDefault(account.id(), List.of());
                var v = new HashMap<String, Object>();
                v.put("Deal_Name", account.name() + " - " + topic);
                v.put("Amount", random.nextInt(15) == 0 ? null
                        : BigDecimal.valueOf(500L * Math.round(Math.pow(10, 0.5 + random.nextDouble() * 2.8)))
                                .setScale(2, RoundingMode.UNNECESSARY));
                v.put("Closing_Date", closing);
                v.put("Account_Name", account.id());
                v.put("Stage", STAGES.get(stage));
                v.put("Type", random.nextInt(5) == 0 ? null
                        : topic.equals("Annual Renewal") || topic.equals("Upgrade") ? "Existing Business" : "New Business");
                v.put("Probability", STAGE_PROBABILITY[stage]);
                v.put("Next_Step", closed || random.nextInt(3) == 0 ? null : pick(NEXT_STEPS));
                v.put("Lead_Source", random.nextInt(4) == 0 ? null : pick(values("Deals", "Lead_Source")));
                v.put("Contact_Name", dealContacts.isEmpty() || random.nextInt(5) == 0 ? null : pick(dealContacts));
                v.put("Description", random.nextInt(10) == 0 ? "Budget approved for " + now.getYear() + "." : null);
                v.put("Last_Activity_Time", modified);
                v.put("Discount_Rate", random.nextInt(4) == 0 ? (double) (5 * (1 + random.nextInt(6))) : null);
                v.put("Renewal", topic.equals("Annual Renewal"));
                v.put("Layout", null);
                long owner = random.nextInt(5) == 0 ? owner(account.place()) : account.ownerId();
                rows.add(new Sys(id(), owner, creator(owner), created, modified, account.territoryId(), null, null), v);
            }
            rows.insert(h);
        }

        private void products() {
            var rows = new RecordRows(meta.get("Products"), "Product_Name", "Product_Code", "Product_Active",
                    "Manufacturer", "Product_Category", "Sales_Start_Date", "Support_Start_Date",
                    "Support_Expiry_Date", "Unit_Price", "Commission_Rate", "Tax", "Taxable", "Usage_Unit",
                    "Qty_Ordered", "Qty_in_Stock", "Reorder_Level", "Qty_in_Demand", "Description", "Weight_kg",
                    "Layout");
            var names = new LinkedHashSet<String>();
            int n = 0;
            while (names.size() < PRODUCTS) {
                var name = pick(PRODUCT_ADJECTIVES) + " " + pick(PRODUCT_NOUNS);
                if (!names.add(name)) continue;
                n++;
                boolean hardware = name.matches(".*(Router|Server|Firewall|Dock|Switch|Array|Headset)");
                boolean service = name.matches(".*(Plan|Voucher)");
                var category = hardware ? "Hardware" : name.contains("CRM") ? "CRM Applications" : "Software";
                var created = now.minusDays(100 + random.nextInt(600));
                var modified = between(created, now);
                var price = BigDecimal.valueOf(hardware ? 199 + random.nextInt(4800) : 29 + random.nextInt(970))
                        .add(new BigDecimal("0.99"));
                var salesStart = created.toLocalDate().plusDays(random.nextInt(30));
                var v = new HashMap<String, Object>();
                v.put("Product_Name", name);
                v.put("Product_Code", (hardware ? "HW-" : service ? "SV-" : "SW-") + (1000 + n));
                v.put("Product_Active", random.nextInt(8) > 0);
                v.put("Manufacturer", pick(values("Products", "Manufacturer")));
                v.put("Product_Category", category);
                v.put("Sales_Start_Date", salesStart);
                v.put("Support_Start_Date", service ? salesStart : null);
                v.put("Support_Expiry_Date", service ? salesStart.plusYears(1) : null);
                v.put("Unit_Price", price);
                v.put("Commission_Rate", price.multiply(new BigDecimal("0.05")).setScale(2, RoundingMode.HALF_UP));
                v.put("Tax", json(distinctSample(values("Products", "Tax"), 1 + random.nextInt(2))));
                v.put("Taxable", true);
                v.put("Usage_Unit", hardware ? pick(List.of("Each", "Box", "Pieces")) : service ? "Hour(s)" : "Each");
                v.put("Qty_Ordered", hardware ? (double) random.nextInt(200) : null);
                v.put("Qty_in_Stock", hardware ? (double) random.nextInt(500) : null);
                v.put("Reorder_Level", hardware ? (double) (10 * (1 + random.nextInt(5))) : null);
                v.put("Qty_in_Demand", hardware ? (double) random.nextInt(100) : null);
                v.put("Description", random.nextInt(3) == 0 ? name + " for small and medium teams." : null);
                v.put("Weight_kg", hardware ? BigDecimal.valueOf(50 + random.nextInt(2500), 2) : null);
                v.put("Layout", null);
                rows.add(new Sys(id(), ADMIN_ID, ADMIN_ID, created, modified, null, null, null), v);
            }
            rows.insert(h);
        }

        private void projects() {
            var rows = new RecordRows(meta.get("Projects"), "Name", "Status", "Budget", "Start_Date", "End_Date",
                    "Categories", "Account", "Progress", "Billable", "Description", "Layout");
            for (int i = 0; i < PROJECTS; i++) {
                var account = pick(accounts);
                var topic = pick(PROJECT_TOPICS);
                var status = pick(values("Projects", "Status"));
                var created = now.minusDays(20 + random.nextInt(300));
                var modified = between(created, now);
                var start = created.toLocalDate().plusDays(random.nextInt(30));
                double progress = switch (status) {
                    case "Not Started" -> 0.0;
                    case "Completed" -> 100.0;
                    default -> (double) (5 * (1 + random.nextInt(19)));
                };
                var v = new HashMap<String, Object>();
                v.put("Name", LEGAL_FORM.matcher(account.name()).replaceAll("")
                        + " " + topic);
                v.put("Status", status);
                v.put("Budget", BigDecimal.valueOf(5_000L * (1 + random.nextInt(60))).setScale(2, RoundingMode.UNNECESSARY));
                v.put("Start_Date", start);
                v.put("End_Date", start.plusDays(30 + random.nextInt(300)));
                v.put("Categories", json(distinctSample(values("Projects", "Categories"), 1 + random.nextInt(2))));
                v.put("Account", account.id());
                v.put("Progress", progress);
                v.put("Billable", random.nextInt(5) > 0);
                v.put("Description", random.nextInt(2) == 0 ? topic + " for " + account.name() + "." : null);
                v.put("Layout", null);
                long owner = random.nextBoolean() ? ADMIN_ID : stellaId;
                rows.add(new Sys(id(), owner, ADMIN_ID, created, modified, null, null, null), v);
            }
            rows.insert(h);
        }

        // --- helpers ---------------------------------------------------------------------

        /** Sam sells in Germany, Stella and Ada everywhere. */
        private long owner(Place place) {
            if (place.country().equals("Germany") && random.nextInt(3) > 0) return samId;
            return switch (random.nextInt(10)) {
                case 0, 1, 2, 3 -> ADMIN_ID;
                case 4, 5 -> samId;
                default -> stellaId;
            };
        }

        private long creator(long owner) {
            return random.nextInt(5) < 3 ? ADMIN_ID : owner;
        }

        private OffsetDateTime between(OffsetDateTime from, OffsetDateTime to) {
            long seconds = ChronoUnit.SECONDS.between(from, to);
            return seconds <= 0 ? from : from.plusSeconds((long) (random.nextDouble() * seconds));
        }

        private <T> T pick(List<T> list) {
            return list.get(random.nextInt(list.size()));
        }

        private int weightedIndex(int[] weights) {
            int total = 0;
            for (int w : weights) total += w;
            int r = random.nextInt(total);
            for (int i = 0; i < weights.length; i++) {
                r -= weights[i];
                if (r < 0) return i;
            }
            throw new IllegalStateException();
        }

        private <T> T weighted(List<T> list, int[] weights) {
            return list.get(weightedIndex(weights));
        }

        private List<String> distinctSample(List<String> values, int count) {
            var chosen = new LinkedHashSet<String>();
            while (chosen.size() < Math.min(count, values.size())) chosen.add(pick(values));
            // in picklist order, as Zoho returns them
            return values.stream().filter(chosen::contains).toList();
        }

        private Integer employees() {
            return (int) Math.round(Math.pow(10, 0.5 + random.nextDouble() * 4));
        }

        /** Roughly 50k to 300k per employee, so revenue spans a few thousand to several hundred million. */
        private BigDecimal revenue(Integer employees) {
            double base = employees == null ? Math.pow(10, 4.5 + random.nextDouble() * 3.5)
                    : employees * (50_000 + random.nextDouble() * 250_000);
            long rounded = Math.max(1_000, Math.round(base / 1_000) * 1_000);
            return BigDecimal.valueOf(rounded).setScale(2, RoundingMode.UNNECESSARY);
        }

        private String companyName(String prefix, String core, Place place) {
            var suffixes = switch (place.country()) {
                case "Germany" -> List.of("GmbH", "AG", "GmbH & Co. KG");
                case "France" -> List.of("SARL", "S.A.");
                case "United Kingdom" -> List.of("Ltd", "PLC");
                case "Netherlands" -> List.of("B.V.");
                case "USA", "Canada" -> List.of("Inc.", "LLC", "Corp.");
                default -> List.of("Ltd", "Inc.", "S.A.");
            };
            return prefix + " " + core + " " + pick(suffixes);
        }

        private String domain(String company, Place place) {
            var words = company.split(" ");
            return ascii(words[0] + words[1]).toLowerCase(Locale.ROOT) + "." + place.tld();
        }

        private String email(String first, String last, String domain) {
            var local = last.isEmpty() ? ascii(first)
                    : switch (random.nextInt(4)) {
                        case 0 -> ascii(first).charAt(0) + ascii(last);
                        case 1 -> ascii(first) + "_" + ascii(last);
                        default -> ascii(first) + "." + ascii(last);
                    };
            return local.toLowerCase(Locale.ROOT) + "@" + domain;
        }

        private String website(String domain) {
            return switch (random.nextInt(4)) {
                case 0 -> "https://www." + domain;
                case 1 -> "http://" + domain;
                default -> "www." + domain;
            };
        }

        private String street(Place place) {
            var name = pick(STREETS.getOrDefault(place.country(), STREETS.get("other")));
            int number = 1 + random.nextInt(250);
            if (NUMBER_AFTER_STREET.contains(place.country())) return name + " " + number;
            return place.country().equals("France") ? number + ", " + name : number + " " + name;
        }

        private String language(Place place) {
            return switch (place.country()) {
                case "Germany" -> "German";
                case "France" -> "French";
                case "Spain" -> "Spanish";
                case "Italy" -> "Italian";
                case "Japan" -> "Japanese";
                default -> "English";
            };
        }

        /** Phone numbers as people type them: every record a little different. */
        private String phone(Place place) {
            var r = random;
            var number = switch (place.phoneStyle()) {
                case "us" -> {
                    var area = pad(200 + r.nextInt(800), 3);
                    var line = pad(r.nextInt(10_000), 4);
                    yield switch (r.nextInt(6)) {
                        case 0 -> "(" + area + ") 555-" + line;
                        case 1 -> area + ".555." + line;
                        case 2 -> "+1 " + area + " 555 " + line;
                        case 3 -> area + "555" + line;
                        case 4 -> "1-" + area + "-555-" + line + " x" + (10 + r.nextInt(90));
                        default -> area + "-555-" + line;
                    };
                }
                case "de" -> {
                    int area = GERMAN_AREA_CODES.get(r.nextInt(GERMAN_AREA_CODES.size()));
                    int line = 100_000 + r.nextInt(9_900_000);
                    yield switch (r.nextInt(5)) {
                        case 0 -> "+49 " + area + " " + line;
                        case 1 -> "0" + area + "/" + line;
                        case 2 -> "0049 (0)" + area + " " + line;
                        case 3 -> "+49-" + area + "-" + line;
                        default -> "0" + area + " " + line / 100 + "-" + pad(line % 100, 2);
                    };
                }
                case "fr" -> {
                    int area = 1 + r.nextInt(5);
                    var a = pad(r.nextInt(100), 2);
                    var b = pad(r.nextInt(100), 2);
                    var c = pad(r.nextInt(100), 2);
                    var d = pad(r.nextInt(100), 2);
                    yield switch (r.nextInt(3)) {
                        case 0 -> "+33 " + area + " " + a + " " + b + " " + c + " " + d;
                        case 1 -> "0" + area + "." + a + "." + b + "." + c + "." + d;
                        default -> "0" + area + " " + a + " " + b + " " + c + " " + d;
                    };
                }
                case "uk" -> {
                    var line = pad(r.nextInt(10_000), 4);
                    yield switch (r.nextInt(3)) {
                        case 0 -> "+44 20 7946 " + line;
                        case 1 -> "020 7946 " + line;
                        default -> "(0161) 496 " + line;
                    };
                }
                default -> "+" + (30 + r.nextInt(60)) + " " + (10 + r.nextInt(90)) + " " + (1_000_000 + r.nextInt(9_000_000));
            };
            // now and then a stray space or a trailing note, as in any real import
            return switch (r.nextInt(25)) {
                case 0 -> " " + number + " ";
                case 1 -> number + " (office)";
                default -> number;
            };
        }
    }

    private static String pad(int value, int width) {
        var digits = Integer.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** Names as they appear in e-mail addresses and handles: Müller becomes Muller, O'Brien OBrien. */
    private static String ascii(String s) {
        var stripped = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return NOT_ASCII.matcher(stripped.replace("ß", "ss").replace("Ø", "O").replace("ø", "o")).replaceAll("");
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
