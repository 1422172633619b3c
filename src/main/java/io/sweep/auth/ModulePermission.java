package io.sweep.auth;

import io.sweep.crm.Module;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import java.util.List;
import java.util.Map;

/** What a profile may do with one module's records. */
public record ModulePermission(boolean canView, boolean canEdit, boolean canMassUpdate, RecordAccess recordAccess) {
    public static final ModulePermission NONE = new ModulePermission(false, false, false, RecordAccess.OWNED);
    public static final ModulePermission EVERYTHING = new ModulePermission(true, true, true, RecordAccess.ALL);

    /**
     * Zoho's module-level NO_PERMISSION, naming the profile permission that is missing as Zoho
     * does: {@code "details":{"permissions":["Crm_Implied_View_Leads"]}}. {@code action} is Zoho's
     * word for it: View, Create, Edit, Delete, Mass_Update.
     */
    public static ApiException denied(String action, Module module) {
        return new ApiException(ErrorCode.PERMISSION_DENIED, Map.of("permissions", List.of("Crm_Implied_" + action + "_" + module.apiName())));
    }

    public enum RecordAccess {
        /** every record of the module */
        ALL,
        /** records the user owns, or that lie in one of the user's territories */
        OWNED
    }
}
