package io.sweep.api.zoho;

import io.sweep.testsupport.Backend;

class RecordStatesH2Test extends RecordStatesContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
