package io.sweep.jobs;

import io.sweep.errors.ApiException;
import io.sweep.massupdate.RecordOutcome;
import java.util.List;

/**
 * A dry run of a mass update: how many records it selects, the error the real call would answer
 * (null when it would be accepted), and for the first records what would happen to each.
 */
public record Preview(String module, long selected, ApiException error, List<Sample> sample) {

    /** One record of the sample, as the real run would leave it: {@code id} as the request named it (ids) or the record's id (cvid). */
    public record Sample(String id, RecordOutcome.Status outcome, String code, String message, List<FieldChange> changes) {
        public Sample {
            changes = List.copyOf(changes);
        }
    }

    public Preview {
        sample = List.copyOf(sample);
    }

    public long count(RecordOutcome.Status outcome) {
        return sample.stream().filter(s -> s.outcome() == outcome).count();
    }
}
