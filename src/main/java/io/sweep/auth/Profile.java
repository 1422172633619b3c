package io.sweep.auth;

import java.util.Map;

/** A permission profile: module permissions and per-field restrictions. Administrators may do everything. */
public record Profile(long id, String name, boolean administrator, Map<Long, ModulePermission> modules, Map<Long, FieldAccess> restrictedFields) {
    public enum FieldAccess { READ_ONLY, HIDDEN }

    public Profile {
        modules = Map.copyOf(modules);
        restrictedFields = Map.copyOf(restrictedFields);
    }

    public ModulePermission module(long moduleId) {
        return administrator ? ModulePermission.EVERYTHING : modules.getOrDefault(moduleId, ModulePermission.NONE);
    }

    public boolean mayEditField(long fieldId) {
        return administrator || !restrictedFields.containsKey(fieldId);
    }

    public boolean maySeeField(long fieldId) {
        return administrator || restrictedFields.get(fieldId) != FieldAccess.HIDDEN;
    }
}
