package io.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sweep.rules.SandboxLimits;
import java.time.Duration;
import java.util.List;
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

    @Test
    void each_with_method_changes_its_own_setting_and_keeps_every_other() {
        Config base = Config.fromEnvironment(Map.of("SWEEP_DB_USER", "sa", "SWEEP_BOOTSTRAP_TOKEN", "boot"));
        var jobs = new Config.JobSettings(Duration.ofSeconds(9), Duration.ofSeconds(8), 7, "node-7");
        var rules = SandboxLimits.defaults().withRecordTime(Duration.ofSeconds(6));
        var limits = io.sweep.massupdate.Limits.parse("5");

        Config changed = base.withPort(1).withDb("jdbc:h2:mem:x", "u", "p").withDemo(true).withBootstrapToken("t")
                .withRulesDir(java.nio.file.Path.of("r")).withLimits(limits).withJobs(jobs).withSessionIdle(Duration.ofMinutes(4))
                .withRuleLimits(rules).withWebhookQueueLimit(3).withMaxBodyBytes(2).withBind("127.0.0.1")
                .withRateLimits(new Config.RateLimits(60, 2)).withHistoryRetentionDays(30).withMaxJobRecords(1_000_000);

        assertThat(changed).isEqualTo(new Config(1, "jdbc:h2:mem:x", "u", "p", base.dbPoolSize(), java.nio.file.Path.of("r"), "t", true,
                2, limits, jobs, Duration.ofMinutes(4), rules, 3, "127.0.0.1", new Config.RateLimits(60, 2), 30, 1_000_000));
        assertThat(base.withPort(base.port())).isEqualTo(base);
        assertThat(base.withDemo(true)).isEqualTo(new Config(base.port(), base.dbUrl(), base.dbUser(), base.dbPassword(), base.dbPoolSize(),
                base.rulesDir(), base.bootstrapToken(), true, base.maxBodyBytes(), base.limits(), base.jobs(), base.sessionIdle(),
                base.ruleLimits(), base.webhookQueueLimit(), base.bind(), base.rateLimits(), base.historyRetentionDays(),
                base.maxJobRecords()));
    }

    @Test
    void a_rule_job_selects_at_most_zohos_fifty_thousand_records_unless_more_is_set_and_a_bad_number_stops_the_start() {
        assertThat(Config.fromEnvironment(Map.of()).maxJobRecords()).isEqualTo(50_000);
        assertThat(Config.fromEnvironment(Map.of("SWEEP_MAX_JOB_RECORDS", "1000000")).maxJobRecords()).isEqualTo(1_000_000);
        for (String bad : List.of("0", "-1", "lots", "10000001")) {
            assertThatThrownBy(() -> Config.fromEnvironment(Map.of("SWEEP_MAX_JOB_RECORDS", bad)))
                    .as(bad).hasMessageContaining("SWEEP_MAX_JOB_RECORDS");
        }
    }

    @Test
    void history_is_kept_forever_unless_a_number_of_days_is_set_and_a_bad_number_stops_the_start_with_its_name() {
        assertThat(Config.fromEnvironment(Map.of()).historyRetention()).isEqualTo(Duration.ZERO);
        assertThat(Config.fromEnvironment(Map.of("SWEEP_HISTORY_RETENTION_DAYS", "0")).historyRetention()).isEqualTo(Duration.ZERO);
        assertThat(Config.fromEnvironment(Map.of("SWEEP_HISTORY_RETENTION_DAYS", " 90 ")).historyRetention()).isEqualTo(Duration.ofDays(90));
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("SWEEP_HISTORY_RETENTION_DAYS", "-1")))
                .hasMessageStartingWith("SWEEP_HISTORY_RETENTION_DAYS must be a whole number from 0 to 36500");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("SWEEP_HISTORY_RETENTION_DAYS", "90d")))
                .hasMessageStartingWith("SWEEP_HISTORY_RETENTION_DAYS must be a whole number");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of()).withHistoryRetentionDays(-3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bind_defaults_to_every_interface_and_a_bad_address_stops_the_start_with_its_name() {
        assertThat(Config.fromEnvironment(Map.of()).bind()).isEqualTo("0.0.0.0");
        assertThat(Config.fromEnvironment(Map.of("SWEEP_BIND", " 127.0.0.1 ")).bind()).isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("SWEEP_BIND", "no such host.invalid")))
                .hasMessageStartingWith("SWEEP_BIND must be an address of this machine");
    }

    @Test
    void rate_limits_are_off_unless_set_and_a_log_format_typo_is_refused() {
        assertThat(Config.fromEnvironment(Map.of()).rateLimits()).isEqualTo(Config.RateLimits.OFF);
        assertThat(Config.fromEnvironment(Map.of("SWEEP_RATE_LIMIT_PER_MINUTE", "600", "SWEEP_RATE_LIMIT_CONCURRENT", "4")).rateLimits())
                .isEqualTo(new Config.RateLimits(600, 4));
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("SWEEP_RATE_LIMIT_CONCURRENT", "-1")))
                .hasMessageStartingWith("SWEEP_RATE_LIMIT_CONCURRENT must be a whole number from 0");
        assertThat(Config.fromEnvironment(Map.of("SWEEP_LOG_FORMAT", "json")).port()).isEqualTo(7070);
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("SWEEP_LOG_FORMAT", "xml")))
                .hasMessage("SWEEP_LOG_FORMAT must be text or json, not 'xml'");
    }
}
