package dev.dermaguard.support.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.smallrye.config.SmallRyeConfigBuilder;

import dev.dermaguard.contract.auth.DevelopmentKeys;

/** The development keys are configured in the dev, test and local profiles only. */
class DevelopmentKeysConfigSourceTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"dev, true", "test, true", "local, true", "prod, false", "staging, false"})
    void onlyTheDevelopmentProfilesAcceptTheDevelopmentKeys(String profile, boolean accepted) {
        Optional<String> keys = new SmallRyeConfigBuilder().withProfile(profile)
                .withSources(new DevelopmentKeysConfigSource()).build()
                .getOptionalValue("dermaguard.auth.keys", String.class);

        assertEquals(accepted ? Optional.of(DevelopmentKeys.configured()) : Optional.empty(), keys);
    }
}
