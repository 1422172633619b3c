package io.sweep.jobs;

import io.sweep.testsupport.Backend;

class RuleChunkTransactionH2Test extends RuleChunkTransactionContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
