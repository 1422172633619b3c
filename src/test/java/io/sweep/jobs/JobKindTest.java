package io.sweep.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class JobKindTest {

    @Test
    void a_rule_that_selects_by_a_view_holds_the_views_key_as_a_mass_update_of_that_view_does() {
        assertThat(new JobKind.RuleRun("tidy", "v1", "{}", 42L).activeKey()).isEqualTo(new JobKind.ViewUpdate(42).activeKey());
        assertThat(new JobKind.RuleRun("tidy", "v1", "{}", null).activeKey())
                .isEqualTo(new JobKind.RuleRun("tidy", "v2", "{\"a\":1}", null).activeKey())
                .isNotEqualTo(new JobKind.RuleRun("other", "v1", "{}", null).activeKey());
    }

    @Test
    void keys_of_different_kinds_never_meet() {
        assertThat(new JobKind.Undo(7).activeKey()).isNotEqualTo(new JobKind.ViewUpdate(7).activeKey());
        assertThat(new JobKind.RuleRun("7", "v", "{}", null).activeKey()).isNotEqualTo(new JobKind.ViewUpdate(7).activeKey());
    }

    @Test
    void the_kind_of_a_stored_job_follows_from_what_it_recorded() {
        assertThat(JobKind.of(job(5L, null, null, null))).isEqualTo(new JobKind.ViewUpdate(5));
        assertThat(JobKind.of(job(5L, "tidy", "v1", null))).isEqualTo(new JobKind.RuleRun("tidy", "v1", "{}", 5L));
        assertThat(JobKind.of(job(null, null, null, 9L))).isEqualTo(new JobKind.Undo(9));
        assertThatThrownBy(() -> JobKind.of(job(null, null, null, null))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_dry_run_is_a_kind_of_its_own_that_writes_no_record_and_holds_neither_the_rules_key_nor_its_views() {
        Job dry = job(5L, "tidy", "v1", null, true);
        assertThat(JobKind.of(dry)).isEqualTo(new JobKind.RuleDryRun("tidy", "v1", "{}"));
        assertThat(JobKind.of(dry).writesRecords()).isFalse();
        assertThat(JobKind.of(dry).scripted()).isTrue();
        assertThat(JobKind.of(dry).activeKey())
                .isNotEqualTo(new JobKind.RuleRun("tidy", "v1", "{}", null).activeKey())
                .isNotEqualTo(new JobKind.ViewUpdate(5).activeKey());
        assertThat(JobKind.of(job(5L, "tidy", "v1", null)).writesRecords()).isTrue();
        assertThat(new JobKind.Undo(9).writesRecords()).isTrue();
        assertThat(new JobKind.ViewUpdate(5).writesRecords()).isTrue();
        assertThatThrownBy(() -> JobKind.of(job(5L, null, null, null, true))).isInstanceOf(IllegalStateException.class);
    }

    private static Job job(Long cvid, String ruleId, String version, Long undoOf) {
        return job(cvid, ruleId, version, undoOf, false);
    }

    private static Job job(Long cvid, String ruleId, String version, Long undoOf, boolean dryRun) {
        return new Job(1, 2, 3, Trigger.API, JobStatus.SCHEDULED, "{}", cvid, ruleId, version, "{}", undoOf,
                0, 0, 0, 0, 0, null, OffsetDateTime.now(), null, null, 0, null, 0, dryRun, null);
    }
}
