package dev.dermaguard.support.auth;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

import dev.dermaguard.contract.auth.DevelopmentKeys;

/**
 * {@code dermaguard.auth.keys} in the dev, test and local profiles: the {@link DevelopmentKeys}. Production accepts
 * no key until it configures its own ({@code DERMAGUARD_AUTH_KEYS}). The ordinal of a jar's
 * {@code microprofile-config.properties}: a service's configuration, the environment and test profiles override it.
 */
public class DevelopmentKeysConfigSource implements ConfigSource {

    private static final String KEYS = "dermaguard.auth.keys";
    private final Map<String, String> properties;

    public DevelopmentKeysConfigSource() {
        String keys = DevelopmentKeys.configured();
        properties = Map.of("%dev." + KEYS, keys, "%test." + KEYS, keys, "%local." + KEYS, keys);
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return DevelopmentKeysConfigSource.class.getSimpleName();
    }

    @Override
    public int getOrdinal() {
        return 100;
    }
}
