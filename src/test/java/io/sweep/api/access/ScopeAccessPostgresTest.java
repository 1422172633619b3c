package io.sweep.api.access;

import io.sweep.testsupport.Backend;
import org.junit.jupiter.api.Tag;

@Tag("postgres")
class ScopeAccessPostgresTest extends ScopeAccessContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
