package dev.dermaguard.support.auth;

import java.security.Principal;

/**
 * The principal behind a request's API key: an app's {@code appId}, a clinic's {@code clinicId} or an operator's id.
 * It is the {@link Principal} of the request's Quarkus {@code SecurityIdentity}.
 */
public record Caller(Role role, String principalId) implements Principal {

    @Override
    public String getName() {
        return principalId;
    }

    @Override
    public String toString() {
        return role.id() + " " + principalId;
    }
}
