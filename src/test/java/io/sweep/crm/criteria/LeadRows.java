package io.sweep.crm.criteria;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Twenty leads in a table typed like Sweep's record tables. Most columns are filled on rows
 * 1–4 only, so the expected ids of a criteria are easy to read off; names carry the awkward
 * characters (LIKE wildcards, parentheses, commas, quotes, a backslash).
 */
final class LeadRows {
    static final long OWNER_1 = 5725767000000411001L;
    static final long OWNER_2 = 5725767000000411002L;
    static final long ACCOUNT_1 = 5725767000000500001L;
    static final long ACCOUNT_2 = 5725767000000500002L;
    static final int COUNT = 20;

    private static final String TABLE = """
            CREATE TABLE leads (
                id                 BIGINT PRIMARY KEY,
                last_name          VARCHAR(255),
                email              VARCHAR(255),
                lead_status        VARCHAR(255),
                interests          VARCHAR(4000),
                employees          INTEGER,
                visits             BIGINT,
                score              DOUBLE PRECISION,
                probability        DOUBLE PRECISION,
                annual_revenue     NUMERIC(18,2),
                budget             NUMERIC(18,2),
                email_opt_out      BOOLEAN,
                birth_date         DATE,
                last_activity_time TIMESTAMP WITH TIME ZONE,
                owner_id           BIGINT,
                account_id         BIGINT
            )""";

    static final List<Map<String, Object>> ROWS = List.of(
            row(1, "last_name", "Burns", "email", "burns@example.com", "lead_status", "Contacted",
                    "interests", "[\"Golf\",\"Chess\"]", "employees", 10, "visits", 9007199254740993L,
                    "score", 1.5, "probability", 10.0, "annual_revenue", new BigDecimal("1000.00"),
                    "budget", new BigDecimal("50.25"), "email_opt_out", true,
                    "birth_date", LocalDate.parse("1980-01-15"),
                    "last_activity_time", OffsetDateTime.parse("2026-11-29T14:05:09+00:00"),
                    "owner_id", OWNER_1, "account_id", ACCOUNT_1),
            row(2, "last_name", "BURNS", "email", "Burns@Example.com", "lead_status", "Not Contacted",
                    "interests", "[\"Golf\"]", "employees", 20, "visits", 9007199254740992L,
                    "score", 2.5, "probability", 50.0, "annual_revenue", new BigDecimal("1000.50"),
                    "budget", new BigDecimal("100.00"), "email_opt_out", false,
                    "birth_date", LocalDate.parse("1985-06-30"),
                    // the same instant as row 1, written in another offset
                    "last_activity_time", OffsetDateTime.parse("2026-11-29T16:05:09+02:00"),
                    "owner_id", OWNER_1, "account_id", ACCOUNT_2),
            row(3, "last_name", "Marley", "lead_status", "Contacted", "employees", 30, "visits", -1L,
                    "score", -3.0, "probability", 100.0, "annual_revenue", new BigDecimal("999.99"),
                    "birth_date", LocalDate.parse("1990-12-31"),
                    "last_activity_time", OffsetDateTime.parse("2026-11-29T14:05:10+00:00"),
                    "owner_id", OWNER_2),
            row(4, "last_name", "100% Pure", "email", "pure@example.com", "lead_status", "Attempted to Contact",
                    "interests", "[\"Chess\"]", "employees", 40, "score", 0.0,
                    "annual_revenue", new BigDecimal("250000.00"), "email_opt_out", true,
                    "birth_date", LocalDate.parse("2000-02-29"),
                    "last_activity_time", OffsetDateTime.parse("2026-11-30T00:00:00+05:30"),
                    "owner_id", OWNER_2, "account_id", ACCOUNT_1),
            row(5, "last_name", "100 Pure", "employees", 50),
            row(6, "last_name", "a_b", "employees", 60),
            row(7, "last_name", "axb", "employees", 70),
            row(8, "last_name", "Smith (Jr)", "employees", 80),
            row(9, "last_name", "Smith, John", "employees", 90),
            row(10, "last_name", "back\\slash", "employees", 100),
            row(11, "last_name", "O'Brien", "employees", 110),
            row(12, "last_name", "Robert'); DROP TABLE leads;--", "employees", 120),
            row(13),
            row(14, "last_name", "", "interests", "[]"),
            row(15, "last_name", "Golfer", "interests", "[\"Say \\\"hi\\\"\",\"Golf Pro\"]"),
            row(16, "last_name", "Mary", "interests", "[\"Golf, Tennis\"]"),
            row(17, "last_name", "Martinez!"),
            row(18, "last_name", "MacDonald"),
            row(19, "last_name", "Émile"),
            row(20, "last_name", "Burnside", "employees", 10));

    private LeadRows() {}

    static void create(Jdbi jdbi) {
        jdbi.useTransaction(handle -> {
            handle.execute(TABLE);
            for (Map<String, Object> row : ROWS) {
                // only the filled columns, so no NULL needs a type
                String columns = String.join(", ", row.keySet());
                String params = row.keySet().stream().map(c -> ":" + c).collect(Collectors.joining(", "));
                handle.createUpdate("INSERT INTO leads (" + columns + ") VALUES (" + params + ")")
                        .bindMap(row)
                        .execute();
            }
        });
    }

    private static Map<String, Object> row(long id, Object... columnsAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        for (int i = 0; i < columnsAndValues.length; i += 2) row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        return row;
    }
}
