package io.sweep.jobs;

import io.sweep.testsupport.Backend;
import org.junit.jupiter.api.Tag;

@Tag("postgres")
class JobResultsPostgresTest extends JobResultsContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
