package io.sweep.api.zoho;

import io.sweep.testsupport.Backend;

class NoPermissionDetailsH2Test extends NoPermissionDetailsContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
