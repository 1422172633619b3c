package io.sweep.api.audit;

import io.sweep.testsupport.Backend;

class AuditLogH2Test extends AuditLogContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
