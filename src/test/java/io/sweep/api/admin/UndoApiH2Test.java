package io.sweep.api.admin;

import io.sweep.testsupport.Backend;

class UndoApiH2Test extends UndoApiContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
