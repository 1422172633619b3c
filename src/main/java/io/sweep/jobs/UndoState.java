package io.sweep.jobs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How far the undos of one job got: for each field the job set, on how many records it set it
 * and on how many of those an undo has put it back, and per record what is left to put back.
 * Read from the job's results and its undos' results: nothing else keeps it, so it cannot drift.
 */
public final class UndoState {
    /** One field the job set: on {@code records} records, {@code putBack} of them put back by an undo. */
    public record FieldProgress(String field, int records, int putBack) {
        public boolean done() {
            return putBack >= records;
        }
    }

    private final List<FieldProgress> fields;
    private final Map<Long, Set<String>> remaining;

    private UndoState(List<FieldProgress> fields, Map<Long, Set<String>> remaining) {
        this.fields = fields;
        this.remaining = remaining;
    }

    static UndoState of(JobRepository jobs, long jobId) {
        Map<Long, Set<String>> putBack = jobs.putBack(jobId);
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<Long, Set<String>> remaining = new HashMap<>();
        jobs.changedFields(jobId, (record, set) -> {
            Set<String> done = putBack.getOrDefault(record, Set.of());
            Set<String> left = new LinkedHashSet<>();
            for (String field : set) {
                int[] c = counts.computeIfAbsent(field, f -> new int[2]);
                c[0]++;
                if (done.contains(field)) {
                    c[1]++;
                } else {
                    left.add(field);
                }
            }
            if (!left.isEmpty()) remaining.put(record, left);
        });
        List<FieldProgress> fields = new ArrayList<>();
        counts.forEach((field, c) -> fields.add(new FieldProgress(field, c[0], c[1])));
        return new UndoState(List.copyOf(fields), remaining);
    }

    /** The fields the job set, in the order its results first name them. */
    public List<FieldProgress> fields() {
        return fields;
    }

    /** The fields some record still has to have put back. */
    Set<String> remainingFields() {
        Set<String> left = new LinkedHashSet<>();
        for (FieldProgress f : fields) if (!f.done()) left.add(f.field());
        return left;
    }

    /** The records with one of {@code asked} (null: any field) still to put back. */
    List<Long> recordsToPutBack(Set<String> asked) {
        List<Long> ids = new ArrayList<>();
        remaining.forEach((record, left) -> {
            if (asked == null || left.stream().anyMatch(asked::contains)) ids.add(record);
        });
        return ids;
    }

    /**
     * The undo that undid a job, of its undos oldest first: one still SCHEDULED or RUNNING (no
     * other may start meanwhile), else the first that completed without a failed record and was
     * to put back everything left at its start. Empty while an undo may still start: no undo yet,
     * or each left something (a conflict, a failure, a cancel, fields not chosen).
     */
    static Optional<Job> undoneBy(List<Job> undos) {
        for (Job undo : undos) if (undo.status().active()) return Optional.of(undo);
        for (Job undo : undos) {
            if (undo.status() == JobStatus.COMPLETED && undo.failedCount() == 0 && UndoRequest.complete(undo)) return Optional.of(undo);
        }
        return Optional.empty();
    }
}
