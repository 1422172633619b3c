package io.sweep.db;

import io.sweep.testsupport.Backend;

class MigrationsH2Test extends MigrationsContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
