package io.sweep.api.zoho;

import io.sweep.testsupport.Backend;

class ActivitiesH2Test extends ActivitiesContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
