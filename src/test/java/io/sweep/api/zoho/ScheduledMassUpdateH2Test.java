package io.sweep.api.zoho;

import io.sweep.testsupport.Backend;

class ScheduledMassUpdateH2Test extends ScheduledMassUpdateContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
