package io.sweep.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweep.db.Database;
import io.sweep.testsupport.Backend;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Writing and reading every column type, with nulls mixed into one batch, on both databases. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RecordRepositoryContract {
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 29, 14, 5, 9, 0, ZoneOffset.UTC);
    private Database db;
    private Module deals;
    private Module leads;
    private RecordRepository records;
    private long userId;

    abstract Backend backend();

    @BeforeAll
    void migrate() {
        db = Database.open(backend().newDatabaseUrl(), null, null, 2);
        db.migrate();
        var metadata = new Metadata(db);
        metadata.reload();
        new RecordSchema(db).sync(metadata.modules());
        leads = metadata.module("Leads").orElseThrow();
        deals = metadata.module("Deals").orElseThrow();
        records = new RecordRepository(db);
        userId = db.withHandle(h -> h.createQuery("SELECT id FROM users").mapTo(Long.class).first());
    }

    @AfterAll
    void close() {
        db.close();
    }

    private Field field(Module m, String name) {
        return m.field(name).orElseThrow();
    }

    private Map<Field, Object> leadValues(boolean empty) {
        Map<Field, Object> v = new HashMap<>();
        v.put(field(leads, "Company"), empty ? null : "Acme");
        v.put(field(leads, "Lead_Status"), empty ? null : "Contacted");
        v.put(field(leads, "Annual_Revenue"), empty ? null : new BigDecimal("1234.50"));
        v.put(field(leads, "No_of_Employees"), empty ? null : 42);
        v.put(field(leads, "Email_Opt_Out"), empty ? null : Boolean.TRUE);
        v.put(field(leads, "Follow_Up_Date"), empty ? null : LocalDate.of(2027, 1, 31));
        v.put(field(leads, "Last_Activity_Time"), empty ? null : NOW);
        v.put(field(leads, "Languages_Known"), empty ? null : List.of("English", "German"));
        return v;
    }

    @Test
    void one_batch_may_set_values_on_some_records_and_clear_them_on_others() {
        long a = db.inTransaction(h -> records.insert(h, leads, Map.of(field(leads, "Last_Name"), "A"), userId, NOW));
        long b = db.inTransaction(h -> records.insert(h, leads, Map.of(field(leads, "Last_Name"), "B"), userId, NOW));
        for (boolean aEmptyFirst : List.of(true, false)) {
            db.inTransaction(h -> records.update(h, leads, List.of(
                    new RecordRepository.Change(a, version(a), leadValues(aEmptyFirst)),
                    new RecordRepository.Change(b, version(b), leadValues(!aEmptyFirst))), userId, NOW));
            var rows = records.findByIds(leads, List.of(a, b));
            var filled = rows.stream().filter(r -> r.id() == (aEmptyFirst ? b : a)).findFirst().orElseThrow();
            var cleared = rows.stream().filter(r -> r.id() == (aEmptyFirst ? a : b)).findFirst().orElseThrow();
            assertThat(filled.value("Company")).isEqualTo("Acme");
            assertThat((BigDecimal) filled.value("Annual_Revenue")).isEqualByComparingTo("1234.50");
            assertThat(filled.value("No_of_Employees")).isEqualTo(42);
            assertThat(filled.value("Email_Opt_Out")).isEqualTo(true);
            assertThat(filled.value("Follow_Up_Date")).isEqualTo(LocalDate.of(2027, 1, 31));
            assertThat(((OffsetDateTime) filled.value("Last_Activity_Time")).toInstant()).isEqualTo(NOW.toInstant());
            assertThat(filled.value("Languages_Known")).isEqualTo(List.of("English", "German"));
            for (String name : List.of("Company", "Lead_Status", "Annual_Revenue", "No_of_Employees", "Email_Opt_Out", "Follow_Up_Date",
                    "Last_Activity_Time")) {
                assertThat(cleared.value(name)).as(name).isNull();
            }
            assertThat(cleared.value("Languages_Known")).isEqualTo(List.of());
        }
    }

    @Test
    void doubles_percentages_and_versions_round_trip() {
        long id = db.inTransaction(h -> records.insert(h, deals, Map.of(field(deals, "Deal_Name"), "D", field(deals, "Stage"), "Qualification",
                field(deals, "Discount_Rate"), 12.5), userId, NOW));
        var row = records.findByIds(deals, List.of(id)).get(0);
        assertThat(row.version()).isEqualTo(1);
        assertThat(((Number) row.value("Discount_Rate")).doubleValue()).isEqualTo(12.5);
        int[] applied = db.inTransaction(h -> records.update(h, deals,
                List.of(new RecordRepository.Change(id, 1, Map.of(field(deals, "Discount_Rate"), 50.0))), userId, NOW));
        assertThat(applied).containsExactly(1);
        int[] stale = db.inTransaction(h -> records.update(h, deals,
                List.of(new RecordRepository.Change(id, 1, Map.of(field(deals, "Discount_Rate"), 60.0))), userId, NOW));
        assertThat(stale).containsExactly(0);
        assertThat(records.findByIds(deals, List.of(id)).get(0).version()).isEqualTo(2);
    }

    private int version(long id) {
        return records.findByIds(leads, List.of(id)).get(0).version();
    }
}
