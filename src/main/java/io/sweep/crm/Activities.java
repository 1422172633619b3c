package io.sweep.crm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Zoho v2's Activities module: not a table of its own but a view over Tasks, Events and Calls.
 * Its fields are the union of theirs (by api name, the first part's definition winning) plus
 * {@code Activity_Type}, which names the module a record lives in. Its records keep their own ids,
 * so every write of an activity is a write of a task, a meeting or a call, under that module's
 * permissions; only reads go through the view.
 */
public final class Activities {
    public static final String API_NAME = "Activities";
    /** Outside the ids V002 seeds for modules, and below the id sequence's start. */
    public static final long MODULE_ID = 5725767000000010900L;
    public static final long ACTIVITY_TYPE_FIELD_ID = 5725767000000090001L;
    public static final String ACTIVITY_TYPE = "Activity_Type";
    /** The modules the view spans, in the order their rows are listed and locked. */
    public static final List<String> PARTS = List.of("Tasks", "Events", "Calls");

    private Activities() {}

    public static boolean is(Module module) {
        return module.id() == MODULE_ID;
    }

    /** The view over these parts, or empty when one of them is missing from the metadata. */
    static Optional<Module> over(Map<String, Module> partsByApiName) {
        List<Module> parts = new ArrayList<>();
        for (String name : PARTS) {
            Module part = partsByApiName.get(name);
            if (part == null) return Optional.empty();
            parts.add(part);
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        Set<String> columns = new HashSet<>();
        fields.put(ACTIVITY_TYPE, activityType(parts));
        columns.add(fields.get(ACTIVITY_TYPE).column());
        for (Module part : parts) {
            for (Field f : part.fields()) {
                // one column per name in the union; a custom field clashing with another part's column stays out of the view
                if (fields.containsKey(f.apiName()) || !columns.add(f.column())) continue;
                fields.put(f.apiName(), rehomed(f));
            }
        }
        return Optional.of(new Module(MODULE_ID, API_NAME, API_NAME, "Activity", API_NAME, null, false, 7, List.copyOf(fields.values())));
    }

    /**
     * The part's field as a field of the view. It keeps its id, so the profile's restrictions on
     * the first part's field (read-only, hidden) show in the view's field list and records.
     */
    private static Field rehomed(Field f) {
        return new Field(f.id(), MODULE_ID, f.apiName(), f.label(), f.column(), f.dataType(), f.length(), f.decimalPlace(), f.readOnly(),
                f.systemMandatory(), f.customField(), f.visible(), f.massUpdateFlag(), f.lookupModuleId(), f.sequenceNumber(), f.picklistValues());
    }

    private static Field activityType(List<Module> parts) {
        List<PicklistValue> values = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) values.add(new PicklistValue(parts.get(i).apiName(), parts.get(i).apiName(), i + 1));
        return new Field(ACTIVITY_TYPE_FIELD_ID, MODULE_ID, ACTIVITY_TYPE, "Activity Type", "activity_type", DataType.PICKLIST, 20, null,
                true, false, false, true, false, null, 0, values);
    }
}
