package io.sweep.api.admin;

import io.sweep.testsupport.Backend;

class RuleRightsH2Test extends RuleRightsContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
