package io.sweep.massupdate;

import java.util.List;

/**
 * The body of {@code POST /crm/v2/{module}/actions/change_owner}, checked for shape only: the ids
 * as sent (possibly invalid), the new owner's id as sent, whether to notify them, and the related
 * modules whose records follow their parent to the new owner ({@code id} null: all of them).
 */
public record ChangeOwnerRequest(List<String> ids, String ownerId, boolean notifyOwner, List<RelatedModule> relatedModules) {
    public record RelatedModule(String apiName, String id) {}

    public ChangeOwnerRequest {
        ids = List.copyOf(ids);
        relatedModules = List.copyOf(relatedModules);
    }
}
