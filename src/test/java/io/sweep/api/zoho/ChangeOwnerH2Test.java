package io.sweep.api.zoho;

import io.sweep.testsupport.Backend;

class ChangeOwnerH2Test extends ChangeOwnerContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
