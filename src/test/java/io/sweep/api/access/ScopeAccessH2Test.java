package io.sweep.api.access;

import io.sweep.testsupport.Backend;


class ScopeAccessH2Test extends ScopeAccessContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
