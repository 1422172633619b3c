package io.sweep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives browser tests the shared {@link UiHarness}: started by the first test class that needs it,
 * closed when the whole run ends. Without Chromium the tests are skipped with a message. After each
 * test, no script error or CSP violation may have been logged by the page.
 */
final class UiExtension implements BeforeAllCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(UiExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Assumptions.assumeTrue(UiHarness.browserAvailable(),
                () -> "browser tests skipped: no Chromium at " + UiHarness.chromium() + " / " + UiHarness.chromedriver()
                        + " (apt-get install chromium chromium-driver, or set SWEEP_CHROMIUM and SWEEP_CHROMEDRIVER)");
        harness(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        UiHarness ui = harness(context);
        ui.wide();
        assertThat(ui.takeBrowserErrors()).as("script errors or CSP violations in the browser").isEmpty();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == UiHarness.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return harness(context);
    }

    private static UiHarness harness(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(UiHarness.class, k -> UiHarness.start(), UiHarness.class);
    }
}
