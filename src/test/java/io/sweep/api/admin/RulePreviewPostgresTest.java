package io.sweep.api.admin;

import io.sweep.testsupport.Backend;
import org.junit.jupiter.api.Tag;

@Tag("postgres")
class RulePreviewPostgresTest extends RulePreviewContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
