package io.sweep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives browser tests the shared {@link UiHarness}: started by the first test class that needs it,
 * closed when the whole run ends. Without Chromium each test is skipped with a message. After each
 * test, no script error or CSP violation may have been logged by the page.
 */
final class UiExtension implements ExecutionCondition, BeforeAllCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(UiExtension.class);

    private static final AtomicBoolean TOLD = new AtomicBoolean();

    /** Each test is reported as skipped, with the reason, when there is no browser to drive. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (UiHarness.browserAvailable() || context.getTestMethod().isEmpty()) return ConditionEvaluationResult.enabled("browser present");
        String reason = "browser test skipped: no Chromium at " + UiHarness.chromium() + " / " + UiHarness.chromedriver()
                + " (apt-get install chromium chromium-driver, or set SWEEP_CHROMIUM and SWEEP_CHROMEDRIVER)";
        if (TOLD.compareAndSet(false, true)) System.err.println(reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (UiHarness.browserAvailable()) harness(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!UiHarness.browserAvailable()) return;
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
