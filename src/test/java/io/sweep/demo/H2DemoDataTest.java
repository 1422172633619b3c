package io.sweep.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweep.db.Database;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class H2DemoDataTest extends DemoDataChecks {
    @Override
    Database open() {
        return Database.open("jdbc:h2:mem:demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4);
    }

    @Test
    void the_same_clock_gives_the_same_data() {
        try (var other = open()) {
            other.migrate();
            RecordTables.create(other);
            assertThat(new DemoData(other, CLOCK).seedIfEmpty()).isTrue();
            var sql = "SELECT id, owner_id, last_name, company, lead_status, annual_revenue, phone, interests, modified_time"
                    + " FROM rec_leads ORDER BY id";
            var mine = db.withHandle(h -> h.createQuery(sql).mapToMap().list());
            var theirs = other.withHandle(h -> h.createQuery(sql).mapToMap().list());
            assertThat(theirs).isEqualTo(mine);
        }
    }
}
