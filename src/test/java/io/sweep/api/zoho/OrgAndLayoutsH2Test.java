package io.sweep.api.zoho;

import io.sweep.testsupport.Backend;

class OrgAndLayoutsH2Test extends OrgAndLayoutsContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
