package io.sweep.api.audit;

import io.sweep.testsupport.Backend;
import org.junit.jupiter.api.Tag;

@Tag("postgres")
class AuditLogPostgresTest extends AuditLogContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
