package dev.dermaguard.support.auth;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The authenticated caller of the current request. Quarkus Security has checked the endpoint's
 * {@code @RolesAllowed} before the resource runs, so on an endpoint for apps {@link #appId()} is the caller's app.
 */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;

    public CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller get() {
        if (identity.getPrincipal() instanceof Caller caller) {
            return caller;
        }
        throw new IllegalStateException("No caller: the endpoint admits anonymous requests");
    }

    /** The calling app's id; only meaningful on endpoints for {@link Roles#APP}. */
    public String appId() {
        return get().principalId();
    }
}
