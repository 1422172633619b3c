package io.sweep.api.zoho;

import io.sweep.testsupport.Backend;

class SurroundingApiH2Test extends SurroundingApiContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
