package io.sweep.api.zoho;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sweep.auth.User;
import io.sweep.auth.UserRepository;
import io.sweep.crm.Module;
import io.sweep.crm.RecordRepository;
import io.sweep.crm.RecordRow;
import io.sweep.crm.RecordTime;
import io.sweep.json.Json;
import io.sweep.massupdate.RecordOutcome;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code details} of a successful write, as Zoho gives them: id, Created_/Modified_ time and
 * user, as stored: read back after an insert or update ({@link #of}), or, for a mass update,
 * taken from the rows it read to update them and the time and user it stamped ({@link #ofUpdated}):
 * reading its 500 records again was a fifth of a mass update call on H2.
 */
final class WriteDetails {
    private final RecordRepository records;
    private final UserRepository users;

    WriteDetails(RecordRepository records, UserRepository users) {
        this.records = records;
        this.users = users;
    }

    Map<Long, ObjectNode> of(Module module, Collection<Long> ids) {
        var rows = records.findByIds(module, Set.copyOf(ids));
        Set<Long> userIds = new HashSet<>();
        for (RecordRow row : rows) {
            if (row.value("Created_By") instanceof Long id) userIds.add(id);
            if (row.value("Modified_By") instanceof Long id) userIds.add(id);
        }
        Map<Long, User> byId = users.byIds(userIds);
        return rows.stream().collect(Collectors.toMap(RecordRow::id, row -> details(row, byId), (a, b) -> a));
    }

    /** Details of records a mass update changed: created as they were, modified at {@code time} by {@code userId}. */
    Map<Long, ObjectNode> ofUpdated(Collection<RecordOutcome> updated, OffsetDateTime time, long userId) {
        Set<Long> userIds = new HashSet<>();
        userIds.add(userId);
        for (RecordOutcome o : updated) {
            if (o.before().value("Created_By") instanceof Long id) userIds.add(id);
        }
        Map<Long, User> byId = users.byIds(userIds);
        Map<Long, ObjectNode> details = new HashMap<>();
        for (RecordOutcome o : updated) {
            RecordRow row = o.before();
            details.put(o.id(), details(row.id(), time, userId, row.value("Created_Time"), row.value("Created_By"), byId));
        }
        return details;
    }

    private static ObjectNode details(RecordRow row, Map<Long, User> users) {
        return details(row.id(), row.value("Modified_Time"), row.value("Modified_By"), row.value("Created_Time"), row.value("Created_By"), users);
    }

    private static ObjectNode details(long id, Object modifiedTime, Object modifiedBy, Object createdTime, Object createdBy, Map<Long, User> users) {
        ObjectNode d = Json.object();
        d.put("Modified_Time", time(modifiedTime));
        d.set("Modified_By", user(modifiedBy, users));
        d.put("Created_Time", time(createdTime));
        d.set("Created_By", user(createdBy, users));
        d.put("id", String.valueOf(id));
        return d;
    }

    private static String time(Object t) {
        return t instanceof OffsetDateTime odt ? RecordTime.format(odt) : null;
    }

    private static ObjectNode user(Object id, Map<Long, User> users) {
        if (!(id instanceof Long userId)) return null;
        ObjectNode node = Json.object();
        User u = users.get(userId);
        node.put("name", u == null ? null : u.fullName());
        node.put("id", String.valueOf(userId));
        return node;
    }

    static Function<Long, ObjectNode> fallbackId() {
        return id -> Json.object().put("id", String.valueOf(id));
    }
}
