package io.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sweep.rules.SandboxLimits;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings read from the environment. */
class ConfigTest {
    @Test
    void rule_budgets_default_to_the_sandbox_defaults_and_follow_the_environment() {
        assertThat(Config.fromEnvironment(Map.of()).ruleLimits()).isEqualTo(SandboxLimits.defaults());

        var limits = Config.fromEnvironment(Map.of(
                "SWEEP_RULE_RECORD_MILLIS", "2500",
                "SWEEP_RULE_STATEMENTS", "50000",
                "SWEEP_RULE_JOB_SECONDS", "3600",
                "SWEEP_RULE_LOG_BYTES", "1024")).ruleLimits();
        assertThat(limits.recordTime()).isEqualTo(Duration.ofMillis(2500));
        assertThat(limits.statementsPerRecord()).isEqualTo(50_000);
        assertThat(limits.jobTime()).isEqualTo(Duration.ofHours(1));
        assertThat(limits.logBytes()).isEqualTo(1024);
    }

    @Test
    void the_webhook_queue_bound_defaults_to_a_thousand_and_follows_the_environment() {
        assertThat(Config.fromEnvironment(Map.of()).webhookQueueLimit()).isEqualTo(1_000);
        assertThat(Config.fromEnvironment(Map.of("SWEEP_WEBHOOK_QUEUE", "5")).webhookQueueLimit()).isEqualTo(5);
    }

    @Test
    void a_number_that_is_not_one_names_its_variable() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("SWEEP_RULE_STATEMENTS", "lots")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SWEEP_RULE_STATEMENTS must be a whole number from 1 to 2147483647, not 'lots'");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("SWEEP_RULE_RECORD_MILLIS", "0")))
                .hasMessageStartingWith("SWEEP_RULE_RECORD_MILLIS must be a whole number from 1");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("SWEEP_JOB_THREADS", "-2")))
                .hasMessageStartingWith("SWEEP_JOB_THREADS must be");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("SWEEP_PORT", "70000")))
                .hasMessage("SWEEP_PORT must be a whole number from 0 to 65535, not '70000'");
        assertThat(Config.fromEnvironment(Map.of("SWEEP_PORT", "0")).port()).as("0 picks a free port").isZero();
    }
}
