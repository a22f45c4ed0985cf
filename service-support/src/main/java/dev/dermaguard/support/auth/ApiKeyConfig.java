package dev.dermaguard.support.auth;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * The API keys a deployment accepts, each as {@code <sha256 hex of the key>:<app|clinic|operator>:<id>}, separated by
 * commas (for instance from the environment variable {@code DERMAGUARD_AUTH_KEYS}). Only hashes are configured,
 * so a leaked configuration does not leak a usable key.
 */
@ConfigMapping(prefix = "dermaguard.auth")
public interface ApiKeyConfig {

    Optional<List<String>> keys();
}
