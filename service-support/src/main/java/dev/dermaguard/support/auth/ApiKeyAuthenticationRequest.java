package dev.dermaguard.support.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The key a request presented in {@code X-API-Key}; never logged, and not part of {@link #toString()}. */
public final class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return "ApiKeyAuthenticationRequest";
    }
}
