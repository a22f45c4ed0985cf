package dev.dermaguard.common.auth;

/** The principal behind a request's API key: an app's {@code appId} or a clinic's {@code clinicId}. */
public record Caller(Role role, String principalId) {

    @Override
    public String toString() {
        return role.name().toLowerCase(java.util.Locale.ROOT) + " " + principalId;
    }
}
