package io.sweep.crm;

import io.sweep.testsupport.Backend;
import org.junit.jupiter.api.Tag;

@Tag("postgres")
class RecordRepositoryPostgresTest extends RecordRepositoryContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
