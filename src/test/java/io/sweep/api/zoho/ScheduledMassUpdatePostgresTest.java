package io.sweep.api.zoho;

import io.sweep.testsupport.Backend;
import org.junit.jupiter.api.Tag;

@Tag("postgres")
class ScheduledMassUpdatePostgresTest extends ScheduledMassUpdateContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
