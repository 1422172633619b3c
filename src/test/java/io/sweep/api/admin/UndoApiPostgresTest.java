package io.sweep.api.admin;

import io.sweep.testsupport.Backend;
import org.junit.jupiter.api.Tag;

@Tag("postgres")
class UndoApiPostgresTest extends UndoApiContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
