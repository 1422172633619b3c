package io.sweep.jobs;

import io.sweep.testsupport.Backend;

class ScheduleTriggerH2Test extends ScheduleTriggerContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
