package io.sweep.api.admin;

import io.sweep.testsupport.Backend;

class JobApiH2Test extends JobApiContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
