package io.sweep.api.session;

import io.sweep.testsupport.Backend;

class SessionApiH2Test extends SessionApiContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
