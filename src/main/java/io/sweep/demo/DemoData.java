package io.sweep.demo;

import static io.sweep.demo.DemoWords.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sweep.auth.Passwords;
import io.sweep.crm.DataType;
import io.sweep.db.Database;
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
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Fills an empty database with a plausible CRM at a realistic size: three users, a territory
 * tree, 60,000 leads, accounts, contacts, deals, products and projects, a blueprint on deals
 * and the custom views the demo is shown with. The same clock gives the same data: names and
 * values come from a seeded {@link Random}, ids from the id sequence.
 *
 * <p>Rows are generated and written as a stream, in prepared batches of a thousand, so seeding
 * takes seconds and memory stays flat.
 *
 * <p>Needs the metadata of V002 and the record tables RecordSchema creates from it.
 */
public final class DemoData {
    /** The administrator, seeded by V002 (profile Administrator: everything). */
    public static final long ADMIN_ID = 5725767000000000101L;
    public static final String ADMIN_EMAIL = "admin@sweep.local";
    /** Sally Sales, profile Standard: mass updates Leads, but not Leads.Annual_Revenue, and not Deals. */
    public static final String SALES_EMAIL = "sales@sweep.local";
    /** Sam Seller, profile Sales Rep: his own records and those of territory USA; mass updates Leads only. */
    public static final String REP_EMAIL = "rep@sweep.local";
    public static final long ADMINISTRATOR_PROFILE_ID = 5725767000000000201L;
    public static final long STANDARD_PROFILE_ID = 5725767000000000202L;
    public static final long SALES_REP_PROFILE_ID = 5725767000000000203L;
    /** Last name of the one lead that checks HTML escaping wherever records are shown. */
    public static final String XSS_LAST_NAME = "<img src=x onerror=alert(1)>";
    /** What the demo stores in Leads.Country (and the other country fields) for the United States. */
    public static final String USA = "USA";
    public static final String DEAL_BLUEPRINT = "Deal Pipeline";
    /** The browser login of every demo user. */
    public static final String PASSWORD = "sweep-demo";

    public static final int LEADS = 60_000;
    public static final int ACCOUNTS = 1_000;
    public static final int CONTACTS = 5_000;
    public static final int DEALS = 2_000;
    public static final int PRODUCTS = 50;
    public static final int PROJECTS = 20;
    /** Deals in the "Deal Pipeline" blueprint: a tenth of them, all at an open stage. */
    public static final int BLUEPRINT_DEALS = 200;

    private static final long SEED = 20260101L;
    /** Rows per batch, and ids drawn per round trip. */
    private static final int BATCH_SIZE = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_ASCII = Pattern.compile("[^A-Za-z0-9.]");
    private static final Pattern LEGAL_FORM =
            Pattern.compile(" (Inc\\.|GmbH & Co\\. KG|GmbH|AG|SARL|S\\.A\\.|Ltd|PLC|LLC|Corp\\.|B\\.V\\.)$");

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
            long demoUsers = h.createQuery("SELECT COUNT(*) FROM users WHERE email IN (:sales, :rep)")
                    .bind("sales", SALES_EMAIL)
                    .bind("rep", REP_EMAIL)
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

    /** The common part of every record row. The owner is the last to have modified a record. */
    private record Sys(long id, long ownerId, long createdById, OffsetDateTime created,
                       OffsetDateTime modified, Long territoryId, Long blueprintId, String tags) {}

    /**
     * Writes one record table as a stream: a row is bound into the current prepared batch as
     * soon as it is complete, and each batch of {@link #BATCH_SIZE} rows is sent as soon as it
     * is full, so nothing but the current batch is held. Every named field must be set for
     * every row, with a value of the field's Java type or null.
     */
    private static final class RecordWriter {
        private final Handle h;
        private final String sql;
        private final List<String> fieldNames;
        private final Map<String, Integer> positions = new HashMap<>();
        private final Class<?>[] types;
        private final Object[] values;
        private final boolean[] present;
        private int presentCount;
        private PreparedBatch batch;
        private int pending;

        RecordWriter(Handle h, ModuleMeta module, String... fieldNames) {
            this.h = h;
            this.fieldNames = List.of(fieldNames);
            this.types = new Class<?>[fieldNames.length];
            this.values = new Object[fieldNames.length];
            this.present = new boolean[fieldNames.length];
            var columns = new ArrayList<>(List.of("id", "version", "territory_id", "blueprint_id", "tags",
                    module.field("Owner").column(), module.field("Created_By").column(),
                    module.field("Modified_By").column(), module.field("Created_Time").column(),
                    module.field("Modified_Time").column()));
            for (int i = 0; i < fieldNames.length; i++) {
                var field = module.field(fieldNames[i]);
                if (positions.put(fieldNames[i], i) != null) throw new IllegalArgumentException(fieldNames[i] + " named twice");
                types[i] = field.type().columnJavaType();
                columns.add(field.column());
            }
            this.sql = "INSERT INTO " + module.table() + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
            this.batch = h.prepareBatch(sql);
        }

        RecordWriter set(String field, Object value) {
            Integer i = positions.get(field);
            if (i == null) throw new IllegalArgumentException(field + " is not one of " + fieldNames);
            if (present[i]) throw new IllegalArgumentException(field + " set twice");
            if (value != null && !types[i].isInstance(value)) {
                throw new IllegalArgumentException(field + " needs " + types[i].getSimpleName()
                        + ", got " + value.getClass().getSimpleName());
            }
            values[i] = value;
            present[i] = true;
            presentCount++;
            return this;
        }

        void add(Sys sys) {
            if (presentCount != values.length) {
                var missing = IntStream.range(0, values.length).filter(i -> !present[i]).mapToObj(fieldNames::get).toList();
                throw new IllegalArgumentException("no value for " + missing);
            }
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
            for (int i = 0; i < values.length; i++) batch.bindByType(p++, values[i], types[i]);
            batch.add();
            Arrays.fill(values, null);
            Arrays.fill(present, false);
            presentCount = 0;
            if (++pending == BATCH_SIZE) flush();
        }

        /** Sends what is left. */
        void finish() {
            flush();
        }

        private void flush() {
            if (pending == 0) return;
            try (var full = batch) {
                full.execute();
            }
            pending = 0;
            batch = h.prepareBatch(sql);
        }
    }

    // ---------------------------------------------------------------------------------------

    private final class Seeder {
        private final Handle h;
        private final Random random = new Random(SEED);
        private final OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.SECONDS);
        private final Map<String, ModuleMeta> meta;
        private long salesId;
        private long repId;
        private final Map<String, Long> territories = new LinkedHashMap<>();
        private final Map<String, String> regionOfCountry = PLACES.stream()
                .collect(Collectors.toMap(Place::country, Place::region, (a, b) -> a));
        private final ArrayDeque<Long> ids = new ArrayDeque<>();

        private record Account(long id, String name, String domain, Place place, Long territoryId, long ownerId) {}

        private record Contact(long id, long accountId) {}

        // the few hundred or thousand rows later modules refer to; leads are never held
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
            leads();
            accounts();
            contacts();
            deals(blueprintId);
            products();
            projects();
            customViews();
        }

        /**
         * Ids come from the shared sequence, drawn a batch at a time: one round trip per id
         * would be most of the seeding time on PostgreSQL.
         */
        private long id() {
            if (ids.isEmpty()) {
                ids.addAll(db.nextIds(h, BATCH_SIZE));
                if (ids.size() != BATCH_SIZE) throw new IllegalStateException("expected " + BATCH_SIZE + " ids, got " + ids.size());
            }
            return ids.removeFirst();
        }

        // --- users, territories, blueprint, views ---------------------------------------

        private void users() {
            salesId = id();
            repId = id();
            var batch = h.prepareBatch("""
                    INSERT INTO users (id, email, full_name, profile_id, active, created_time)
                    VALUES (:id, :email, :name, :profile, TRUE, :created)""");
            batch.bind("id", salesId).bind("email", SALES_EMAIL).bind("name", "Sally Sales")
                    .bind("profile", STANDARD_PROFILE_ID).bind("created", now).add();
            batch.bind("id", repId).bind("email", REP_EMAIL).bind("name", "Sam Seller")
                    .bind("profile", SALES_REP_PROFILE_ID).bind("created", now).add();
            batch.execute();
            // one slow hash for all three: each has its own salt in real use, the demo shares one
            h.createUpdate("UPDATE users SET password_hash = :hash WHERE id IN (:admin, :sales, :rep)")
                    .bind("hash", Passwords.hash(PASSWORD)).bind("admin", ADMIN_ID).bind("sales", salesId).bind("rep", repId)
                    .execute();
        }

        private void territories() {
            territory("Global", null);
            territory("Americas", "Global");
            territory("USA", "Americas");
            territory("EMEA", "Global");
            h.createUpdate("INSERT INTO user_territories (user_id, territory_id) VALUES (:user, :territory)")
                    .bind("user", repId)
                    .bind("territory", territories.get("USA"))
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

        /**
         * The territory a record with this country belongs to: USA, the rest of the Americas,
         * EMEA, or Global for the rest of the world. A record without a country has none.
         */
        private Long territoryOf(String country) {
            if (country == null) return null;
            var region = regionOfCountry.get(country);
            if (region == null) throw new IllegalStateException("no territory for " + country);
            return territories.get(region);
        }

        private long blueprint() {
            var deals = meta.get("Deals");
            long id = id();
            h.createUpdate("""
                            INSERT INTO blueprints (id, module_id, name, field_id, active)
                            VALUES (:id, :module, :name, :field, TRUE)""")
                    .bind("id", id)
                    .bind("module", deals.id())
                    .bind("name", DEAL_BLUEPRINT)
                    .bind("field", deals.field("Stage").id())
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
            // Every module gets Zoho's "All <records>" view, the default one ("All Leads" among them).
            var modules = h.createQuery("SELECT api_name, plural_label FROM modules ORDER BY sequence_number")
                    .mapToMap()
                    .list();
            for (var module : modules) {
                view(batch, id(), meta.get((String) module.get("api_name")).id(), "All " + module.get("plural_label"),
                        "ALLVIEWS", true, true, null, true);
            }
            view(batch, id(), leads.id(), "Contacted Leads", null, false, false,
                    criterion(leads, "Lead_Status", "equal", "Contacted"), true);
            view(batch, id(), leads.id(), "USA Leads", null, false, false,
                    criterion(leads, "Country", "equal", USA), true);
            // Ada's own: neither shared with everyone nor with anybody in particular
            view(batch, id(), leads.id(), "Admin Only Leads", null, false, false,
                    criterion(leads, "Annual_Revenue", "greater_than", 1_000_000), false);
            // shared with Sam alone, to tell sharing with a user from sharing with everyone
            long highRevenue = id();
            view(batch, highRevenue, leads.id(), "High Revenue Leads", null, false, false,
                    criterion(leads, "Annual_Revenue", "greater_than", 10_000_000), false);
            view(batch, id(), deals.id(), "Open Deals", null, false, false,
                    criterion(deals, "Stage", "not_in", List.of("Closed Won", "Closed Lost")), true);
            batch.execute();
            h.createUpdate("INSERT INTO custom_view_shares (custom_view_id, user_id) VALUES (:view, :user)")
                    .bind("view", highRevenue)
                    .bind("user", repId)
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

        // --- records -------------------------------------------------------------------

        private void leads() {
            var w = new RecordWriter(h, meta.get("Leads"), "Company", "Salutation", "First_Name", "Last_Name",
                    "Designation", "Email", "Secondary_Email", "Phone", "Mobile", "Fax", "Website", "Lead_Source",
                    "Lead_Status", "Industry", "No_of_Employees", "Annual_Revenue", "Rating", "Email_Opt_Out",
                    "Skype_ID", "Twitter", "Street", "City", "State", "Zip_Code", "Country", "Description",
                    "Last_Activity_Time", "Interests", "Lead_Score", "Follow_Up_Date", "Languages_Known", "Layout");
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
                var country = random.nextInt(20) == 0 ? null : place.country();
                Integer employees = random.nextInt(10) == 0 ? null : employees();
                BigDecimal revenue = random.nextInt(8) == 0 ? null : revenue(employees);
                String tags = random.nextInt(12) == 0 ? json(distinctSample(LEAD_TAGS, 1 + random.nextInt(2))) : null;
                w.set("Company", i == xssAt ? "Injection Test Ltd" : company);
                w.set("Salutation", random.nextInt(3) == 0 ? null : pick(values("Leads", "Salutation")));
                w.set("First_Name", i == xssAt ? "Mallory" : first);
                w.set("Last_Name", last);
                w.set("Designation", random.nextInt(5) == 0 ? null : pick(DESIGNATIONS));
                w.set("Email", random.nextInt(15) == 0 ? null
                        : i == xssAt ? "mallory@example.com" : email(first, last, domain));
                w.set("Secondary_Email", random.nextInt(12) == 0 ? email(first, "", "mail." + place.tld()) : null);
                w.set("Phone", random.nextInt(10) == 0 ? null : phone(place));
                w.set("Mobile", random.nextInt(3) == 0 ? phone(place) : null);
                w.set("Fax", random.nextInt(20) == 0 ? phone(place) : null);
                w.set("Website", random.nextInt(4) == 0 ? null : website(domain));
                w.set("Lead_Source", random.nextInt(10) == 0 ? null : pick(values("Leads", "Lead_Source")));
                w.set("Lead_Status", status);
                w.set("Industry", random.nextInt(6) == 0 ? null : pick(values("Leads", "Industry")));
                w.set("No_of_Employees", employees);
                w.set("Annual_Revenue", revenue);
                w.set("Rating", random.nextInt(3) == 0 ? null : pick(values("Leads", "Rating")));
                w.set("Email_Opt_Out", random.nextInt(10) == 0);
                w.set("Skype_ID", random.nextInt(25) == 0 ? ascii(first + "." + last) : null);
                w.set("Twitter", random.nextInt(20) == 0 ? "@" + ascii(first + last) : null);
                w.set("Street", random.nextInt(8) == 0 ? null : street(place));
                w.set("City", random.nextInt(15) == 0 ? null : place.city());
                w.set("State", random.nextInt(6) == 0 ? null : place.state());
                w.set("Zip_Code", random.nextInt(8) == 0 ? null : place.zip());
                w.set("Country", country);
                w.set("Description", random.nextInt(10) == 0
                        ? "Met at " + pick(values("Leads", "Lead_Source")).toLowerCase(Locale.ROOT) + ".\nInterested in a "
                                + pick(DEAL_TOPICS).toLowerCase(Locale.ROOT) + " for the "
                                + pick(DEPARTMENTS) + " team."
                        : null);
                w.set("Last_Activity_Time", modified);
                w.set("Interests", random.nextInt(3) == 0 ? null
                        : json(distinctSample(values("Leads", "Interests"), 1 + random.nextInt(3))));
                w.set("Lead_Score", random.nextInt(4) == 0 ? null : random.nextInt(101));
                w.set("Follow_Up_Date", random.nextInt(5) == 0
                        ? now.toLocalDate().plusDays(random.nextInt(90) - 20) : null);
                w.set("Languages_Known", random.nextInt(8) == 0 ? null : languagesKnown(place));
                w.set("Layout", null);
                w.add(new Sys(id(), owner, creator(owner), created, modified, territoryOf(country), null, tags));
            }
            w.finish();
        }

        private void accounts() {
            var w = new RecordWriter(h, meta.get("Accounts"), "Account_Name", "Account_Site", "Parent_Account",
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
                w.set("Account_Name", name);
                w.set("Account_Site", random.nextInt(3) == 0 ? (random.nextBoolean() ? "Headquarters" : place.city()) : null);
                w.set("Parent_Account", parent);
                w.set("Account_Number", random.nextInt(5) == 0 ? null : 1_000_000_000L + (long) (random.nextDouble() * 8_999_999_999L));
                w.set("Account_Type", type);
                w.set("Industry", random.nextInt(8) == 0 ? null : pick(values("Accounts", "Industry")));
                w.set("Annual_Revenue", random.nextInt(10) == 0 ? null : revenue(employees));
                w.set("Employees", employees);
                w.set("Ownership", random.nextInt(4) == 0 ? null : pick(values("Accounts", "Ownership")));
                w.set("Rating", random.nextInt(3) == 0 ? null : pick(values("Accounts", "Rating")));
                w.set("SIC_Code", random.nextInt(3) == 0 ? null : 1000 + random.nextInt(8000));
                w.set("Ticker_Symbol", random.nextInt(10) == 0 ? ascii(prefix).toUpperCase(Locale.ROOT).substring(0, 3)
                        + ascii(core).toUpperCase(Locale.ROOT).charAt(0) : null);
                w.set("Phone", phone(place));
                w.set("Fax", random.nextInt(6) == 0 ? phone(place) : null);
                w.set("Website", website(domain));
                w.set("Billing_Street", street);
                w.set("Billing_City", place.city());
                w.set("Billing_State", place.state());
                w.set("Billing_Code", place.zip());
                w.set("Billing_Country", place.country());
                w.set("Shipping_Street", sameShipping ? street : null);
                w.set("Shipping_City", sameShipping ? place.city() : null);
                w.set("Shipping_State", sameShipping ? place.state() : null);
                w.set("Shipping_Code", sameShipping ? place.zip() : null);
                w.set("Shipping_Country", sameShipping ? place.country() : null);
                w.set("Description", random.nextInt(8) == 0 ? name + " buys through its " + place.city() + " office." : null);
                w.set("Last_Activity_Time", modified);
                w.set("Key_Account", type.equals("Customer") && random.nextInt(4) == 0);
                w.set("Customer_Since", type.equals("Customer")
                        ? created.toLocalDate().minusDays(random.nextInt(2000)) : null);
                w.set("Layout", null);
                long id = id();
                var territory = territoryOf(place.country());
                w.add(new Sys(id, owner, creator(owner), created, modified, territory, null, null));
                accounts.add(new Account(id, name, domain, place, territory, owner));
            }
            w.finish();
        }

        private void contacts() {
            var w = new RecordWriter(h, meta.get("Contacts"), "Salutation", "First_Name", "Last_Name", "Account_Name",
                    "Title", "Department", "Email", "Phone", "Mobile", "Home_Phone", "Reporting_To", "Lead_Source",
                    "Date_of_Birth", "Email_Opt_Out", "Mailing_Street", "Mailing_City", "Mailing_State",
                    "Mailing_Zip", "Mailing_Country", "Description", "Last_Activity_Time", "Interests",
                    "Preferred_Language", "Layout");
            var languages = values("Contacts", "Preferred_Language");
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
                w.set("Salutation", random.nextInt(3) == 0 ? null : pick(values("Contacts", "Salutation")));
                w.set("First_Name", first);
                w.set("Last_Name", last);
                w.set("Account_Name", random.nextInt(20) == 0 ? null : account.id());
                w.set("Title", random.nextInt(4) == 0 ? null : pick(DESIGNATIONS));
                w.set("Department", random.nextInt(3) == 0 ? null : pick(DEPARTMENTS));
                w.set("Email", random.nextInt(12) == 0 ? null : email(first, last, account.domain()));
                w.set("Phone", random.nextInt(8) == 0 ? null : phone(place));
                w.set("Mobile", random.nextBoolean() ? phone(place) : null);
                w.set("Home_Phone", random.nextInt(15) == 0 ? phone(place) : null);
                w.set("Reporting_To", reportsTo != null && random.nextInt(3) == 0 ? reportsTo : null);
                w.set("Lead_Source", random.nextInt(5) == 0 ? null : pick(values("Contacts", "Lead_Source")));
                w.set("Date_of_Birth", random.nextInt(4) == 0
                        ? LocalDate.of(1955 + random.nextInt(45), 1 + random.nextInt(12), 1 + random.nextInt(28)) : null);
                w.set("Email_Opt_Out", random.nextInt(12) == 0);
                w.set("Mailing_Street", random.nextInt(5) == 0 ? null : street(place));
                w.set("Mailing_City", place.city());
                w.set("Mailing_State", random.nextInt(5) == 0 ? null : place.state());
                w.set("Mailing_Zip", random.nextInt(5) == 0 ? null : place.zip());
                w.set("Mailing_Country", place.country());
                w.set("Description", random.nextInt(15) == 0 ? "Prefers e-mail over calls." : null);
                w.set("Last_Activity_Time", modified);
                w.set("Interests", random.nextInt(2) == 0 ? null
                        : json(distinctSample(values("Contacts", "Interests"), 1 + random.nextInt(2))));
                w.set("Preferred_Language", random.nextInt(3) == 0 ? null
                        : languages.contains(place.language()) ? place.language() : "English");
                w.set("Layout", null);
                w.add(new Sys(id, owner, creator(owner), created, modified, account.territoryId(), null, null));
                contacts.add(new Contact(id, account.id()));
            }
            w.finish();
        }

        private void deals(long blueprintId) {
            var w = new RecordWriter(h, meta.get("Deals"), "Deal_Name", "Amount", "Closing_Date", "Account_Name",
                    "Stage", "Type", "Probability", "Next_Step", "Lead_Source", "Contact_Name", "Description",
                    "Last_Activity_Time", "Discount_Rate", "Renewal", "Layout");
            var contactsByAccount = new HashMap<Long, List<Long>>();
            for (var c : contacts) contactsByAccount.computeIfAbsent(c.accountId(), k -> new ArrayList<>()).add(c.id());
            int inBlueprint = 0;
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
                // a deal moves through the pipeline blueprint until it is won or lost
                Long blueprint = null;
                if (!closed && inBlueprint < BLUEPRINT_DEALS && i % 6 == 3) {
                    blueprint = blueprintId;
                    inBlueprint++;
                }
                w.set("Deal_Name", account.name() + " - " + topic);
                w.set("Amount", random.nextInt(15) == 0 ? null
                        : BigDecimal.valueOf(500L * Math.round(Math.pow(10, 0.5 + random.nextDouble() * 2.8)))
                                .setScale(2, RoundingMode.UNNECESSARY));
                w.set("Closing_Date", closing);
                w.set("Account_Name", account.id());
                w.set("Stage", STAGES.get(stage));
                w.set("Type", random.nextInt(5) == 0 ? null
                        : topic.equals("Annual Renewal") || topic.equals("Upgrade") ? "Existing Business" : "New Business");
                w.set("Probability", STAGE_PROBABILITY[stage]);
                w.set("Next_Step", closed || random.nextInt(3) == 0 ? null : pick(NEXT_STEPS));
                w.set("Lead_Source", random.nextInt(4) == 0 ? null : pick(values("Deals", "Lead_Source")));
                w.set("Contact_Name", dealContacts.isEmpty() || random.nextInt(5) == 0 ? null : pick(dealContacts));
                w.set("Description", random.nextInt(10) == 0 ? "Budget approved for " + now.getYear() + "." : null);
                w.set("Last_Activity_Time", modified);
                w.set("Discount_Rate", random.nextInt(4) == 0 ? (double) (5 * (1 + random.nextInt(6))) : null);
                w.set("Renewal", topic.equals("Annual Renewal"));
                w.set("Layout", null);
                long owner = random.nextInt(5) == 0 ? owner(account.place()) : account.ownerId();
                w.add(new Sys(id(), owner, creator(owner), created, modified, account.territoryId(), blueprint, null));
            }
            w.finish();
            if (inBlueprint != BLUEPRINT_DEALS) throw new IllegalStateException(inBlueprint + " deals in the blueprint");
        }

        private void products() {
            var w = new RecordWriter(h, meta.get("Products"), "Product_Name", "Product_Code", "Product_Active",
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
                w.set("Product_Name", name);
                w.set("Product_Code", (hardware ? "HW-" : service ? "SV-" : "SW-") + (1000 + n));
                w.set("Product_Active", random.nextInt(8) > 0);
                w.set("Manufacturer", pick(values("Products", "Manufacturer")));
                w.set("Product_Category", category);
                w.set("Sales_Start_Date", salesStart);
                w.set("Support_Start_Date", service ? salesStart : null);
                w.set("Support_Expiry_Date", service ? salesStart.plusYears(1) : null);
                w.set("Unit_Price", price);
                w.set("Commission_Rate", price.multiply(new BigDecimal("0.05")).setScale(2, RoundingMode.HALF_UP));
                w.set("Tax", json(distinctSample(values("Products", "Tax"), 1 + random.nextInt(2))));
                w.set("Taxable", true);
                w.set("Usage_Unit", hardware ? pick(List.of("Each", "Box", "Pieces")) : service ? "Hour(s)" : "Each");
                w.set("Qty_Ordered", hardware ? (double) random.nextInt(200) : null);
                w.set("Qty_in_Stock", hardware ? (double) random.nextInt(500) : null);
                w.set("Reorder_Level", hardware ? (double) (10 * (1 + random.nextInt(5))) : null);
                w.set("Qty_in_Demand", hardware ? (double) random.nextInt(100) : null);
                w.set("Description", random.nextInt(3) == 0 ? name + " for small and medium teams." : null);
                w.set("Weight_kg", hardware ? BigDecimal.valueOf(50 + random.nextInt(2500), 2) : null);
                w.set("Layout", null);
                w.add(new Sys(id(), ADMIN_ID, ADMIN_ID, created, modified, null, null, null));
            }
            w.finish();
        }

        private void projects() {
            var w = new RecordWriter(h, meta.get("Projects"), "Name", "Status", "Budget", "Start_Date", "End_Date",
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
                w.set("Name", LEGAL_FORM.matcher(account.name()).replaceAll("") + " " + topic);
                w.set("Status", status);
                w.set("Budget", BigDecimal.valueOf(5_000L * (1 + random.nextInt(60))).setScale(2, RoundingMode.UNNECESSARY));
                w.set("Start_Date", start);
                w.set("End_Date", start.plusDays(30 + random.nextInt(300)));
                w.set("Categories", json(distinctSample(values("Projects", "Categories"), 1 + random.nextInt(2))));
                w.set("Account", account.id());
                w.set("Progress", progress);
                w.set("Billable", random.nextInt(5) > 0);
                w.set("Description", random.nextInt(2) == 0 ? topic + " for " + account.name() + "." : null);
                w.set("Layout", null);
                long owner = random.nextBoolean() ? ADMIN_ID : salesId;
                w.add(new Sys(id(), owner, ADMIN_ID, created, modified, null, null, null));
            }
            w.finish();
        }

        // --- helpers ---------------------------------------------------------------------

        /** Sam, the rep, sells in the USA and now and then elsewhere; Ada and Sally everywhere. */
        private long owner(Place place) {
            if (place.region().equals("USA") && random.nextInt(5) < 2) return repId;
            return switch (random.nextInt(10)) {
                case 0, 1, 2, 3 -> ADMIN_ID;
                case 4 -> repId;
                default -> salesId;
            };
        }

        /** The language of the place, often English besides, now and then one more; in picklist order. */
        private String languagesKnown(Place place) {
            var all = values("Leads", "Languages_Known");
            var chosen = new LinkedHashSet<String>();
            chosen.add(place.language());
            if (random.nextInt(3) > 0) chosen.add("English");
            if (random.nextInt(6) == 0) chosen.add(pick(all));
            return json(inPicklistOrder(all, chosen));
        }

        private static List<String> inPicklistOrder(List<String> picklist, Collection<String> chosen) {
            var unknown = chosen.stream().filter(v -> !picklist.contains(v)).toList();
            if (!unknown.isEmpty()) throw new IllegalStateException("not in the picklist: " + unknown);
            return picklist.stream().filter(chosen::contains).toList();
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
            return inPicklistOrder(values, chosen);
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
