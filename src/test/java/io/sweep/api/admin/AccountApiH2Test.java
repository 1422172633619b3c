package io.sweep.api.admin;

import io.sweep.testsupport.Backend;

class AccountApiH2Test extends AccountApiContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
