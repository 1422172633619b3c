package io.sweep.api.zoho;

import io.sweep.testsupport.Backend;
import org.junit.jupiter.api.Tag;

@Tag("postgres")
class RecordStatesPostgresTest extends RecordStatesContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
