package io.sweep.jobs;

import io.sweep.testsupport.Backend;

class ChunkAttemptsH2Test extends ChunkAttemptsContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
