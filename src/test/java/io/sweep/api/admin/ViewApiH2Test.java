package io.sweep.api.admin;

import io.sweep.testsupport.Backend;

class ViewApiH2Test extends ViewApiContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
