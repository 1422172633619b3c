package io.sweep.jobs;

import io.sweep.auth.Principal;
import io.sweep.auth.RecordAccess;
import io.sweep.auth.User;
import io.sweep.auth.UserRepository;
import io.sweep.crm.DataType;
import io.sweep.crm.Field;
import io.sweep.crm.Metadata;
import io.sweep.crm.Module;
import io.sweep.crm.RecordRepository;
import io.sweep.crm.RecordRow;
import io.sweep.records.References;
import io.sweep.rules.Rule;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the lookups and owners of a batch of records point at, as a rule's {@code update} sees
 * them: {@code {id, name}}, plus the fields the rule includes ({@code select.include}). Read with
 * one query per lookup field for the whole batch (ids IN (…)), never one per record.
 *
 * <p>Names are shown as the API shows them in a record. Included fields follow the runAs user's
 * rights: a related record they may not see (its module, its owner or territory) brings its
 * {@code {id, name}} only, and a field hidden from their profile is left out, as on the record itself.
 */
final class RelatedRecords {
    private final Metadata metadata;
    private final RecordRepository records;
    private final UserRepository users;

    RelatedRecords(Metadata metadata, RecordRepository records, UserRepository users) {
        this.metadata = metadata;
        this.records = records;
        this.users = users;
    }

    /** Per lookup or owner field: the id of what it points at → the value the script sees. */
    record Related(Map<String, Map<Long, Map<String, Object>>> byField) {
        static final Related NONE = new Related(Map.of());

        /** The script's value of {@code field} pointing at {@code id}: {@code {id, name, …included}}. */
        Map<String, Object> valueOf(Field field, long id) {
            Map<Long, Map<String, Object>> values = byField.get(field.apiName());
            Map<String, Object> value = values == null ? null : values.get(id);
            if (value != null) return value;
            Map<String, Object> bare = new LinkedHashMap<>();
            bare.put("id", String.valueOf(id));
            bare.put("name", null);
            return bare;
        }
    }

    Related read(Principal runAs, Module module, Rule.Selection select, Collection<RecordRow> rows) {
        if (rows.isEmpty()) return Related.NONE;
        Map<String, Map<Long, Map<String, Object>>> byField = new HashMap<>();
        for (Field f : module.fields()) {
            if (!runAs.profile().maySeeField(f.id())) continue;
            if (f.dataType() != DataType.LOOKUP && f.dataType() != DataType.OWNERLOOKUP) continue;
            Set<Long> ids = new LinkedHashSet<>();
            for (RecordRow row : rows) {
                if (row.value(f.apiName()) instanceof Long id) ids.add(id);
            }
            if (ids.isEmpty()) continue;
            List<String> included = select.included(f.apiName());
            if (f.dataType() == DataType.OWNERLOOKUP) {
                byField.put(f.apiName(), owners(ids, included));
            } else if (f.lookupModuleId() != null) {
                metadata.moduleById(f.lookupModuleId()).ifPresent(target -> byField.put(f.apiName(),
                        included.isEmpty() ? names(target, ids) : records(runAs, target, ids, included)));
            }
        }
        return new Related(byField);
    }

    /** The users owner fields point at; a user's {@code email} and {@code active} are no secret to a rule (the API shows them in a record). */
    private Map<Long, Map<String, Object>> owners(Set<Long> ids, List<String> included) {
        Map<Long, Map<String, Object>> values = new HashMap<>();
        users.byIds(ids).forEach((id, user) -> {
            Map<String, Object> value = reference(id, user.fullName());
            for (String field : included) value.put(field, ownerField(user, field));
            values.put(id, Collections.unmodifiableMap(value));
        });
        return values;
    }

    private static Object ownerField(User user, String field) {
        return switch (field) {
            case "email" -> user.email();
            case "active" -> user.active();
            default -> throw new IllegalArgumentException("not a field of a user: " + field);
        };
    }

    /** The names of looked-up records, in one query: a lookup the rule includes nothing of. */
    private Map<Long, Map<String, Object>> names(Module target, Set<Long> ids) {
        var nameField = References.nameField(target);
        if (nameField.isEmpty()) return Map.of();
        Map<Long, Map<String, Object>> values = new HashMap<>();
        records.names(target, nameField.get(), ids).forEach((id, name) -> values.put(id, Collections.unmodifiableMap(reference(id, name))));
        return values;
    }

    /** Looked-up records with the included fields runAs may see, in one query. */
    private Map<Long, Map<String, Object>> records(Principal runAs, Module target, Set<Long> ids, List<String> included) {
        var nameField = References.nameField(target);
        Map<Long, Map<String, Object>> values = new HashMap<>();
        for (RecordRow row : records.findByIds(target, ids)) {
            Object name = nameField.map(f -> row.value(f.apiName())).orElse(null);
            Map<String, Object> value = reference(row.id(), name == null ? null : name.toString());
            if (RecordAccess.mayView(runAs, target, row)) {
                for (String apiName : included) {
                    target.field(apiName).filter(f -> runAs.profile().maySeeField(f.id()))
                            .ifPresent(f -> value.put(apiName, ScriptedPlanner.scriptValue(f, row.value(apiName))));
                }
            }
            values.put(row.id(), Collections.unmodifiableMap(value));
        }
        return values;
    }

    private static Map<String, Object> reference(long id, String name) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("id", String.valueOf(id));
        value.put("name", name);
        return value;
    }
}
