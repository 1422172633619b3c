package io.sweep.auth;

import io.sweep.crm.Module;
import io.sweep.crm.RecordRow;

/** Whether a user may see or edit one record, from their profile, ownership and territories. */
public final class RecordAccess {
    private RecordAccess() {}

    public static boolean mayView(Principal p, Module module, RecordRow row) {
        var permission = p.profile().module(module.id());
        return permission.canView() && reaches(p, permission, row);
    }

    public static boolean mayEdit(Principal p, Module module, RecordRow row) {
        var permission = p.profile().module(module.id());
        return permission.canEdit() && reaches(p, permission, row);
    }

    private static boolean reaches(Principal p, ModulePermission permission, RecordRow row) {
        if (permission.recordAccess() == ModulePermission.RecordAccess.ALL) return true;
        Long owner = row.ownerId();
        return (owner != null && owner == p.user().id())
                || (row.territoryId() != null && p.territoryIds().contains(row.territoryId()));
    }
}
