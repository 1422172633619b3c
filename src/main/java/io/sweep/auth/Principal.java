package io.sweep.auth;

import java.util.Set;

/**
 * Who is calling: the user, their profile, the territories they belong to (with their
 * descendants) and the scopes of the token they presented.
 */
public record Principal(User user, Profile profile, Set<Long> territoryIds, Scopes scopes) {
    public Principal {
        territoryIds = Set.copyOf(territoryIds);
    }
}
