package io.sweep.api.session;

import io.sweep.testsupport.Backend;
import org.junit.jupiter.api.Tag;

@Tag("postgres")
class SessionApiPostgresTest extends SessionApiContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
