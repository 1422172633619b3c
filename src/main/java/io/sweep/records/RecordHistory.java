package io.sweep.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.sweep.auth.Principal;
import io.sweep.crm.Field;
import io.sweep.crm.Module;
import io.sweep.crm.RecordHistoryRepository;
import io.sweep.crm.Where;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import io.sweep.json.Json;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who changed a record, when, from what to what, through which job and rule version: the writes
 * of jobs (their results) and the writes no job keeps, newest first. A caller sees the history
 * of a record they may read, as the record read answers it, and only the fields they may see; a
 * write that changed none of those is left out.
 */
public final class RecordHistory {
    private final RecordService records;
    private final RecordHistoryRepository history;

    public RecordHistory(RecordService records, RecordHistoryRepository history) {
        this.records = records;
        this.history = history;
    }

    /** One field of one write: its value before (null for a record just created) and after. */
    public record Change(String field, JsonNode before, JsonNode after) {}

    /**
     * One write. {@code trigger} is what started it (api, rule, webhook, schedule, undo);
     * {@code action} what it was (mass_update, change_owner, create, update, rule, undo). The job,
     * rule and version are null for a write that was no job's; {@code startedBy} is null for a job
     * a webhook or a schedule started; {@code runAs} is whose rights it ran with.
     */
    public record Entry(OffsetDateTime time, int versionAfter, List<Change> changes, Long jobId, String trigger, String action,
                        String ruleId, String ruleVersion, Long startedBy, long runAs, Long undoOf) {}

    public record Page(List<Entry> entries, boolean moreRecords) {}

    /**
     * A page of the record's history, newest first, only of changes to {@code fieldName} when it is
     * given; empty when the caller may not see the record (or there is none): as the record read
     * answers it, a record they may not see is one that does not exist.
     */
    public Optional<Page> of(Principal p, Module module, long recordId, String fieldName, int page, int perPage) {
        Field only = fieldName == null ? null : module.field(fieldName).filter(f -> p.profile().maySeeField(f.id()))
                // a field hidden from the caller is as unknown as one that does not exist
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_DATA, Map.of("param_name", "field", "api_name", fieldName)));
        var found = records.list(p, module, new Where("id = :record_id", Map.of("record_id", recordId)), null, false, 1, 1);
        if (found.rows().isEmpty()) return Optional.empty();
        List<Entry> all = new ArrayList<>();
        for (var stored : history.writesOf(module.id(), recordId, only == null ? null : only.apiName())) {
            List<Change> changes = seenChanges(p, module, stored, only);
            if (changes.isEmpty()) continue;
            all.add(new Entry(stored.time(), stored.versionAfter(), changes, stored.jobId(), stored.trigger(), stored.action(),
                    stored.ruleId(), stored.ruleVersion(), stored.startedBy(), stored.runAs(), stored.undoOf()));
        }
        // every write moves the record's version by one: the order of writes, even within one second
        all.sort(Comparator.comparingInt(Entry::versionAfter).reversed());
        int from = Math.min(all.size(), (page - 1) * perPage);
        int to = Math.min(all.size(), from + perPage);
        return Optional.of(new Page(List.copyOf(all.subList(from, to)), to < all.size()));
    }

    /** The changed fields the caller may see (all of a field no longer in the module: no restriction names it). */
    private static List<Change> seenChanges(Principal p, Module module, RecordHistoryRepository.Stored stored, Field only) {
        JsonNode after = Json.parseBody(stored.after());
        JsonNode before = stored.before() == null ? null : Json.parseBody(stored.before());
        List<Change> changes = new ArrayList<>();
        for (var e : after.properties()) {
            String name = e.getKey();
            if (only != null && !only.apiName().equals(name)) continue;
            Optional<Field> field = module.field(name);
            if (field.isPresent() && !p.profile().maySeeField(field.get().id())) continue;
            changes.add(new Change(name, before == null ? null : before.path(name).isMissingNode() ? NullNode.getInstance() : before.get(name),
                    e.getValue()));
        }
        return changes;
    }
}
