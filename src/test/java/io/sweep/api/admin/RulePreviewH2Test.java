package io.sweep.api.admin;

import io.sweep.testsupport.Backend;

class RulePreviewH2Test extends RulePreviewContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
