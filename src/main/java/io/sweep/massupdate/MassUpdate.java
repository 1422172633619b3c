package io.sweep.massupdate;

import io.sweep.auth.Principal;
import io.sweep.crm.Module;
import java.util.List;

/**
 * A validated mass update: who, which module, which fields to which values. Every way of changing
 * many records (API by ids or cvid, rule, webhook, undo) becomes one of these.
 */
public record MassUpdate(Principal principal, Module module, List<FieldUpdate> updates, boolean overWrite) {
    public MassUpdate {
        updates = List.copyOf(updates);
    }
}
