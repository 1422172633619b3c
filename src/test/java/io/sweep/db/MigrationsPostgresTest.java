package io.sweep.db;

import io.sweep.testsupport.Backend;
import org.junit.jupiter.api.Tag;

@Tag("postgres")
class MigrationsPostgresTest extends MigrationsContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
