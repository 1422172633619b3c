package io.sweep.api.zoho;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sweep.auth.Principal;
import io.sweep.auth.User;
import io.sweep.crm.Field;
import io.sweep.crm.Module;
import io.sweep.crm.RecordRow;
import io.sweep.crm.RecordTime;
import io.sweep.json.Json;
import io.sweep.records.References;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** Renders records in Zoho's JSON shapes: ids as strings, lookups as {name, id}, times with offset. */
final class RecordJson {
    private RecordJson() {}

    static ObjectNode user(User u, long id) {
        ObjectNode node = Json.object();
        node.put("name", u == null ? null : u.fullName());
        node.put("id", String.valueOf(id));
        if (u != null) node.put("email", u.email());
        return node;
    }

    /** @param only the api names asked for with {@code fields=}, or null for every field */
    static ObjectNode record(Principal p, Module module, RecordRow row, References.Resolved refs, Set<String> only) {
        ObjectNode node = Json.object();
        for (Field f : module.fields()) {
            if (!p.profile().maySeeField(f.id())) continue;
            if (only != null && !only.contains(f.apiName())) continue;
            // a record of a view (Activities) has only its own module's fields: a task has no Venue
            if (!row.values().containsKey(f.apiName())) continue;
            put(node, f, row.value(f.apiName()), refs);
        }
        var tags = node.putArray("Tag");
        row.tags().forEach(t -> tags.addObject().put("name", t));
        node.put("id", String.valueOf(row.id()));
        return node;
    }

    @SuppressWarnings("unchecked")
    static void put(ObjectNode node, Field f, Object value, References.Resolved refs) {
        String name = f.apiName();
        if (value == null) {
            if (f.dataType() == io.sweep.crm.DataType.MULTISELECTPICKLIST) node.putArray(name);
            else node.putNull(name);
            return;
        }
        switch (f.dataType()) {
            case OWNERLOOKUP -> node.set(name, user(refs.users().get((Long) value), (Long) value));
            case LOOKUP, LAYOUT -> {
                ObjectNode ref = node.putObject(name);
                ref.put("name", refs.recordNames().get((Long) value));
                ref.put("id", String.valueOf(value));
            }
            case MULTISELECTPICKLIST -> {
                var array = node.putArray(name);
                ((List<String>) value).forEach(array::add);
            }
            case BIGINT -> node.put(name, String.valueOf(value));
            case INTEGER -> node.put(name, (Integer) value);
            case DOUBLE, PERCENT -> node.put(name, (Double) value);
            case DECIMAL, CURRENCY -> node.put(name, (BigDecimal) value);
            case BOOLEAN -> node.put(name, (Boolean) value);
            case DATE -> node.put(name, ((LocalDate) value).toString());
            case DATETIME -> node.put(name, RecordTime.format((OffsetDateTime) value));
            default -> node.put(name, value.toString());
        }
    }
}
