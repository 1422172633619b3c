package io.sweep.jobs;

import io.sweep.testsupport.Backend;

class JobResultsH2Test extends JobResultsContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
