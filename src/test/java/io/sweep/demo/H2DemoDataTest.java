package io.sweep.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweep.db.Database;
import java.util.List;
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
            for (var sql : List.of(
                    "SELECT * FROM rec_leads ORDER BY id",
                    "SELECT * FROM rec_accounts ORDER BY id",
                    "SELECT * FROM rec_contacts ORDER BY id",
                    "SELECT * FROM rec_deals ORDER BY id",
                    "SELECT * FROM rec_products ORDER BY id",
                    "SELECT * FROM rec_projects ORDER BY id",
                    "SELECT id, email, full_name, profile_id FROM users ORDER BY id",
                    "SELECT * FROM territories ORDER BY id",
                    "SELECT * FROM user_territories ORDER BY user_id",
                    "SELECT * FROM blueprints ORDER BY id",
                    "SELECT * FROM custom_views ORDER BY id",
                    "SELECT * FROM custom_view_shares ORDER BY custom_view_id")) {
                var mine = db.withHandle(h -> h.createQuery(sql).mapToMap().list());
                var theirs = other.withHandle(h -> h.createQuery(sql).mapToMap().list());
                assertThat(theirs).as(sql).isEqualTo(mine);
            }
        }
    }
}
