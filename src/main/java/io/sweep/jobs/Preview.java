package io.sweep.jobs;

import io.sweep.errors.ApiException;
import io.sweep.massupdate.RecordOutcome;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A dry run: how many records it selects, the error the real call would answer (null when it
 * would be accepted), how many records it went through ({@code counted}; fewer than
 * {@code selected} when its time ran out) with how many of those would be updated, fail or be
 * skipped, and for some of them what would happen to each. A rule's preview also carries what its
 * script logged (null when the caller may not read it) and the asked-for ids its selection does not hold.
 */
public record Preview(String module, long selected, ApiException error, List<Sample> sample, long counted,
                      Map<RecordOutcome.Status, Long> totals, String log, List<String> notSelected) {

    /** One record of the sample, as the real run would leave it: {@code id} as the request named it (ids) or the record's id (cvid). */
    public record Sample(String id, RecordOutcome.Status outcome, String code, String message, List<FieldChange> changes) {
        public Sample {
            changes = List.copyOf(changes);
        }
    }

    public Preview {
        sample = List.copyOf(sample);
        totals = totals.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(totals));
        notSelected = List.copyOf(notSelected);
    }

    /** A preview that went through its sample only: the counts are the sample's. */
    public Preview(String module, long selected, ApiException error, List<Sample> sample) {
        this(module, selected, error, sample, sample.size(), countsOf(sample), null, List.of());
    }

    public long count(RecordOutcome.Status outcome) {
        return totals.getOrDefault(outcome, 0L);
    }

    private static Map<RecordOutcome.Status, Long> countsOf(List<Sample> sample) {
        Map<RecordOutcome.Status, Long> counts = new EnumMap<>(RecordOutcome.Status.class);
        for (Sample s : sample) counts.merge(s.outcome(), 1L, Long::sum);
        return counts;
    }
}
