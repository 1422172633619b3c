package io.sweep.api.admin;

import io.sweep.testsupport.Backend;

class CriteriaSafetyH2Test extends CriteriaSafetyContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
