package io.sweep.crm;

import io.sweep.testsupport.Backend;

class RecordRepositoryH2Test extends RecordRepositoryContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
