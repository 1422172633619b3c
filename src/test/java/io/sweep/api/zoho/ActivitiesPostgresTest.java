package io.sweep.api.zoho;

import io.sweep.testsupport.Backend;
import org.junit.jupiter.api.Tag;

@Tag("postgres")
class ActivitiesPostgresTest extends ActivitiesContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
