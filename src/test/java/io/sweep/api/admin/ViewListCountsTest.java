package io.sweep.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.crm.criteria.CriteriaLimits;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.SettableClock;
import io.sweep.testsupport.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The views list counts every view for every user who opens it, so its counts are kept briefly,
 * and a view whose count cannot be had does not fail the list. A server of its own, on a clock
 * the test moves.
 */
class ViewListCountsTest {
    private static final SettableClock CLOCK = new SettableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private static TestServer server;
    private static Http admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(Backend.H2.newDatabaseUrl(), c -> c.withDemo(false), CLOCK);
        admin = server.admin();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static void lead(String company) {
        var response = admin.post("/crm/v2/Leads", "{\"data\":[{\"Last_Name\":\"Count\",\"Company\":\"" + company + "\"}]}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private static JsonNode listed(String viewId) {
        var response = admin.get("/api/views?module=Leads");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        for (JsonNode v : response.json().get("views")) {
            if (v.get("id").asText().equals(viewId)) return v;
        }
        throw new AssertionError("view " + viewId + " not listed: " + response.body());
    }

    @Test
    void the_views_list_keeps_a_views_count_for_thirty_seconds_while_the_view_itself_counts_afresh() {
        lead("Counted Co");
        lead("Counted Co");
        var created = admin.post("/api/views", "{\"module\":\"Leads\",\"name\":\"Counted\",\"criteria\":"
                + "{\"comparator\":\"equal\",\"field\":{\"api_name\":\"Company\"},\"value\":\"Counted Co\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("view").get("id").asText();
        assertThat(listed(id).get("record_count").asLong()).isEqualTo(2);

        lead("Counted Co");
        assertThat(listed(id).get("record_count").asLong()).as("kept").isEqualTo(2);
        assertThat(admin.get("/api/views/" + id).json().get("view").get("record_count").asLong()).as("one view: counted now").isEqualTo(3);

        CLOCK.advance(Duration.ofSeconds(31));
        assertThat(listed(id).get("record_count").asLong()).as("counted again after 30 s").isEqualTo(3);
    }

    @Test
    void a_stored_view_whose_criteria_are_beyond_the_limits_is_listed_without_a_count_and_the_list_still_answers() {
        String values = IntStream.rangeClosed(0, CriteriaLimits.MAX_PATTERN_VALUES).mapToObj(i -> "\"zq" + i + "\"")
                .collect(Collectors.joining(","));
        String criteria = "{\"comparator\":\"contains\",\"field\":{\"api_name\":\"Company\"},\"value\":[" + values + "]}";
        var db = server.app().database();
        long leads = server.app().metadata().module("Leads").orElseThrow().id();
        long adminId = server.app().users().byEmail("admin@sweep.local").orElseThrow().id();
        long id = db.inTransaction(h -> {
            long v = db.nextId(h);
            h.createUpdate("""
                    INSERT INTO custom_views (id, module_id, name, criteria, owner_id, shared_with_all, created_time)
                    VALUES (:id, :m, 'Too costly', :criteria, :owner, TRUE, CURRENT_TIMESTAMP)""")
                    .bind("id", v).bind("m", leads).bind("criteria", criteria).bind("owner", adminId).execute();
            return v;
        });
        assertThat(listed(String.valueOf(id)).get("record_count").isNull()).isTrue();
    }
}
