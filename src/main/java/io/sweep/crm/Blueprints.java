package io.sweep.crm;

import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Active blueprints: which picklist field each one drives. */
public final class Blueprints {
    private Blueprints() {}

    /** blueprint id → the field it drives, for active blueprints of the module. */
    public static Map<Long, Long> activeFields(Handle h, long moduleId) {
        Map<Long, Long> fields = new HashMap<>();
        h.createQuery("SELECT id, field_id FROM blueprints WHERE module_id = :m AND active = TRUE")
                .bind("m", moduleId)
                .map((rs, ctx) -> fields.put(rs.getLong("id"), rs.getLong("field_id")))
                .list();
        return fields;
    }
}
