package dev.dermaguard.common.auth;

import jakarta.enterprise.context.RequestScoped;

/** The authenticated caller of the current request, set by {@link ApiKeyFilter} before the resource runs. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    public Caller get() {
        if (caller == null) {
            throw new IllegalStateException("No caller: the resource is missing @RequiresRole");
        }
        return caller;
    }

    /** The calling app's id; only meaningful on resources that require {@link Role#APP}. */
    public String appId() {
        return get().principalId();
    }
}
