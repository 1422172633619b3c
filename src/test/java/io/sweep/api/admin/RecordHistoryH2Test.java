package io.sweep.api.admin;

import io.sweep.testsupport.Backend;

class RecordHistoryH2Test extends RecordHistoryContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
