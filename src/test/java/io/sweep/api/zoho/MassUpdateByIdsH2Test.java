package io.sweep.api.zoho;

import io.sweep.testsupport.Backend;

class MassUpdateByIdsH2Test extends MassUpdateByIdsContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
