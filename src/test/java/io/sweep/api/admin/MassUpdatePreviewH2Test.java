package io.sweep.api.admin;

import io.sweep.testsupport.Backend;

class MassUpdatePreviewH2Test extends MassUpdatePreviewContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
