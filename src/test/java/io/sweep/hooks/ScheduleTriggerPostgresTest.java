package io.sweep.hooks;

import io.sweep.testsupport.Backend;
import org.junit.jupiter.api.Tag;

@Tag("postgres")
class ScheduleTriggerPostgresTest extends ScheduleTriggerContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
