package io.sweep.crm;

import io.sweep.db.Database;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Handle;

/**
 * The modules and fields of the CRM, read from the metadata tables into an immutable snapshot.
 * Metadata changes rarely (a custom field, a picklist value), so reads never touch the database.
 */
public final class Metadata {
    private final Database db;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(new Snapshot(List.of()));

    public Metadata(Database db) {
        this.db = db;
    }

    public void reload() {
        snapshot.set(new Snapshot(db.withHandle(Metadata::readModules)));
    }

    public List<Module> modules() {
        return snapshot.get().modules;
    }

    /**
     * Finds a module by the name a client put in the URL: its api name in any case, with or
     * without underscores ({@code leads}, {@code salesorders}), or its module or plural name
     * ({@code Meetings} for Events).
     */
    public Optional<Module> module(String name) {
        return Optional.ofNullable(snapshot.get().byKey.get(Module.scopeKey(name)));
    }

    public Optional<Module> moduleById(long id) {
        return modules().stream().filter(m -> m.id() == id).findFirst();
    }

    /**
     * The Activities view over Tasks, Events and Calls ({@link Activities}). It is neither one of
     * {@link #modules} nor found by {@link #module}: it has no table, no views, no jobs and no rules.
     */
    public Optional<Module> activities() {
        return Optional.ofNullable(snapshot.get().activities);
    }

    /** As {@link #module}, and the Activities view by its name: what the Zoho surface's paths may name. */
    public Optional<Module> moduleOrView(String name) {
        Optional<Module> module = module(name);
        if (module.isPresent()) return module;
        return activities().filter(a -> a.scopeName().equals(Module.scopeKey(name)));
    }

    /** The modules the Activities view spans, in its order. */
    public List<Module> activityParts() {
        return Activities.PARTS.stream().map(this::module).flatMap(Optional::stream).toList();
    }

    private record Snapshot(List<Module> modules, Map<String, Module> byKey, Module activities) {
        Snapshot(List<Module> modules) {
            this(List.copyOf(modules), activities(modules));
        }

        private Snapshot(List<Module> modules, Module activities) {
            this(modules, keys(modules), activities);
        }

        private static Module activities(List<Module> modules) {
            Map<String, Module> byApiName = new HashMap<>();
            modules.forEach(m -> byApiName.put(m.apiName(), m));
            return Activities.over(byApiName).orElse(null);
        }

        private static Map<String, Module> keys(Collection<Module> modules) {
            var keys = new HashMap<String, Module>();
            for (Module m : modules) {
                keys.putIfAbsent(Module.scopeKey(m.pluralLabel()), m);
                keys.putIfAbsent(Module.scopeKey(m.moduleName()), m);
            }
            // the api name wins over any label that happens to look the same
            for (Module m : modules) keys.put(m.scopeName(), m);
            return Map.copyOf(keys);
        }
    }

    private static List<Module> readModules(Handle h) {
        Map<Long, List<PicklistValue>> picklists = new HashMap<>();
        h.createQuery("SELECT field_id, actual_value, display_value, sequence_number FROM picklist_values ORDER BY field_id, sequence_number")
                .map((rs, ctx) -> {
                    picklists.computeIfAbsent(rs.getLong("field_id"), k -> new ArrayList<>())
                            .add(new PicklistValue(rs.getString("actual_value"), rs.getString("display_value"), rs.getInt("sequence_number")));
                    return null;
                })
                .list();
        Map<Long, List<Field>> fields = new HashMap<>();
        h.createQuery("""
                SELECT id, module_id, api_name, field_label, column_name, data_type, length, decimal_place, read_only,
                       system_mandatory, custom_field, visible, mass_update, lookup_module_id, sequence_number
                FROM fields ORDER BY module_id, sequence_number, id""")
                .map((rs, ctx) -> {
                    long id = rs.getLong("id");
                    String type = rs.getString("data_type");
                    var field = new Field(
                            id,
                            rs.getLong("module_id"),
                            rs.getString("api_name"),
                            rs.getString("field_label"),
                            rs.getString("column_name"),
                            DataType.fromApiName(type).orElseThrow(() -> new IllegalStateException("unknown data_type " + type + " of field " + id)),
                            rs.getInt("length"),
                            rs.getObject("decimal_place", Integer.class),
                            rs.getBoolean("read_only"),
                            rs.getBoolean("system_mandatory"),
                            rs.getBoolean("custom_field"),
                            rs.getBoolean("visible"),
                            rs.getBoolean("mass_update"),
                            rs.getObject("lookup_module_id", Long.class),
                            rs.getInt("sequence_number"),
                            picklists.getOrDefault(id, List.of()));
                    fields.computeIfAbsent(field.moduleId(), k -> new ArrayList<>()).add(field);
                    return null;
                })
                .list();
        return h.createQuery("""
                SELECT id, api_name, module_name, singular_label, plural_label, table_name, generated_type, sequence_number
                FROM modules ORDER BY sequence_number, id""")
                .map((rs, ctx) -> new Module(
                        rs.getLong("id"),
                        rs.getString("api_name"),
                        rs.getString("module_name"),
                        rs.getString("singular_label"),
                        rs.getString("plural_label"),
                        rs.getString("table_name"),
                        "custom".equals(rs.getString("generated_type")),
                        rs.getInt("sequence_number"),
                        fields.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }
}
