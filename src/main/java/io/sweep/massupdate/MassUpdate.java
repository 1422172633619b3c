package io.sweep.massupdate;

import io.sweep.auth.Principal;
import io.sweep.crm.Module;
import java.util.List;

/**
 * A validated mass update: who, which module, which fields to which values. A mass update by ids
 * or by cvid is one of these for all its records. A rule job (run, webhook or schedule) and an
 * undo have values of their own for each record: each record's values are validated as one of
 * these (overwriting), so every write passes the same field, value and permission checks.
 */
public record MassUpdate(Principal principal, Module module, List<FieldUpdate> updates, boolean overWrite) {
    public MassUpdate {
        updates = List.copyOf(updates);
    }
}
