package io.sweep.auth;

/** What a profile may do with one module's records. */
public record ModulePermission(boolean canView, boolean canEdit, boolean canMassUpdate, RecordAccess recordAccess) {
    public static final ModulePermission NONE = new ModulePermission(false, false, false, RecordAccess.OWNED);
    public static final ModulePermission EVERYTHING = new ModulePermission(true, true, true, RecordAccess.ALL);

    public enum RecordAccess {
        /** every record of the module */
        ALL,
        /** records the user owns, or that lie in one of the user's territories */
        OWNED
    }
}
