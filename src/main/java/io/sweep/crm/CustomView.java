package io.sweep.crm;

import java.util.Set;

/** A saved selection of a module's records: Zoho criteria JSON (null = every record) and who may use it. */
public record CustomView(
        long id, long moduleId, String name, String systemName, boolean isDefault, boolean systemDefined,
        String criteriaJson, Long ownerId, boolean sharedWithAll, Set<Long> sharedWith) {

    public CustomView {
        sharedWith = Set.copyOf(sharedWith);
    }

    /** The owner, everyone when shared with all, or the users it was shared with. */
    public boolean accessibleTo(long userId) {
        return sharedWithAll || (ownerId != null && ownerId == userId) || sharedWith.contains(userId);
    }
}
