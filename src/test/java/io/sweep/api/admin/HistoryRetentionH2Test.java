package io.sweep.api.admin;

import io.sweep.testsupport.Backend;

class HistoryRetentionH2Test extends HistoryRetentionContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
