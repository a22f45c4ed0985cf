package dev.dermaguard.support.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.dermaguard.contract.auth.DevelopmentKeys;

/** Keys are matched by hash; the clinics are the clinic principals of the keys, and only valid clinic ids. */
class ApiKeysTest {

    private static String entry(String key, String role, String id) {
        return new DevelopmentKeys.Key(key, role, id).configured();
    }

    private static ApiKeys of(String... entries) {
        return new ApiKeys(() -> Optional.of(List.of(entries)));
    }

    @Test
    void aKeyIsKnownByItsHashAndTheClinicsAreTheClinicPrincipals() {
        ApiKeys keys = of(entry("a", "app", "some.app_1"), entry("c1", "clinic", "north-clinic"),
                entry("c2", "clinic", "south-clinic"), entry("c3", "clinic", "north-clinic"), entry("o", "operator", "op"));

        assertEquals(Optional.of(new Caller(Role.CLINIC, "south-clinic")), keys.identify("c2"));
        assertTrue(keys.identify("c2 ").isEmpty());
        assertEquals(Set.of("north-clinic", "south-clinic"), keys.clinicIds());
        assertFalse(keys.clinicIds().contains("some.app_1"));
    }

    @Test
    void everyDevelopmentKeyIsItsPrincipal() {
        ApiKeys keys = of(DevelopmentKeys.configured().split(","));

        DevelopmentKeys.ALL.forEach(key -> assertEquals(Optional.of(new Caller(Role.parse(key.role()), key.principal())),
                keys.identify(key.key())));
        assertEquals(Set.of("demo-clinic", "other-clinic"), keys.clinicIds());
    }

    @Test
    void noKeysNoClinics() {
        assertEquals(Set.of(), new ApiKeys(Optional::empty).clinicIds());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Demo-Clinic", "demo_clinic", "demo.clinic", "ccccccccccccccccccccccccccccccccccccccccccccccccc"})
    void aClinicIdOutsideTheFormatIsAConfigurationError(String clinicId) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> of(entry("c", "clinic", clinicId)));
        assertFalse(error.getMessage().contains(clinicId), "the entry is not echoed");
    }
}
