package io.sweep.api.zoho;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sweep.api.Json;
import io.sweep.auth.User;
import io.sweep.auth.UserRepository;
import io.sweep.crm.Module;
import io.sweep.crm.RecordRepository;
import io.sweep.crm.RecordRow;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code details} of a successful write, as Zoho gives them: id, Created_/Modified_ time and
 * user. Read back after the write, so they show what was stored.
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

    private static ObjectNode details(RecordRow row, Map<Long, User> users) {
        ObjectNode d = Json.object();
        d.put("Modified_Time", time(row.value("Modified_Time")));
        d.set("Modified_By", user(row.value("Modified_By"), users));
        d.put("Created_Time", time(row.value("Created_Time")));
        d.set("Created_By", user(row.value("Created_By"), users));
        d.put("id", String.valueOf(row.id()));
        return d;
    }

    private static String time(Object t) {
        return t instanceof OffsetDateTime odt ? RecordJson.datetime(odt) : null;
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
