package io.sweep.api.zoho;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Zoho's {@code converted} and {@code approved} parameters of record lists and searches; on H2 and PostgreSQL. */
abstract class RecordStatesContract {
    private static final String SEARCH = "/crm/v2/Leads/search?criteria=(Company:starts_with:A)";

    private Http admin;

    abstract Backend backend();

    @BeforeEach
    void connect() {
        admin = TestServer.shared(backend()).admin();
    }

    @Test
    void zohos_defaults_and_both_list_every_record() {
        for (String base : List.of("/crm/v2/Leads?per_page=5", "/crm/v2/Deals?per_page=5", SEARCH + "&per_page=5")) {
            String all = admin.get(base).body();
            for (String param : List.of("converted=false", "converted=both", "approved=true", "approved=both", "converted=BOTH&approved=true")) {
                var response = admin.get(base + "&" + param);
                assertThat(response.status()).as(base + " " + param).isEqualTo(200);
                assertThat(response.body()).as(base + " " + param).isEqualTo(all);
            }
        }
    }

    @Test
    void converted_records_and_records_awaiting_approval_are_none() {
        for (String base : List.of("/crm/v2/Leads?per_page=5", SEARCH)) {
            for (String param : List.of("converted=true", "approved=false", "converted=false&approved=false")) {
                var response = admin.get(base + "&" + param);
                assertThat(response.status()).as(base + " " + param).isEqualTo(204);
                assertThat(response.body()).isEmpty();
            }
        }
    }

    @Test
    void a_value_that_is_not_true_false_or_both_is_INVALID_DATA_naming_the_parameter() {
        for (String param : List.of("converted", "approved")) {
            for (String base : List.of("/crm/v2/Leads?", SEARCH + "&")) {
                var response = admin.get(base + param + "=maybe");
                assertThat(response.status()).as(base + param).isEqualTo(400);
                assertThat(response.json().get("code").asText()).isEqualTo("INVALID_DATA");
                assertThat(response.json().get("details").get("param_name").asText()).isEqualTo(param);
            }
        }
    }
}
