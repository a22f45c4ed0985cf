package dev.dermaguard.notify.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.dermaguard.contract.events.Area;
import dev.dermaguard.contract.events.Evidence;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.contract.events.Severity;

/** The texts clinicians edit are checked before any of them reaches a person. */
class AlertTextsTest {

    private final AlertTexts shipped = new AlertTexts();

    @Test
    void everyRuleSpeaksPlainlyAndRecommendsADermatologist() {
        Evidence evidence = new Evidence(List.of(UUID.randomUUID()), "PT36H", "PT168H");
        for (RuleName rule : RuleName.values()) {
            AlertTexts.Texts texts = shipped.of(rule, Severity.HIGH, Area.UNDER_EYES, false, evidence);
            assertTrue(texts.message().contains("dermatologist"), rule + ": " + texts.message());
            assertTrue(texts.summary().length() <= AlertTexts.SUMMARY_LIMIT, rule + ": " + texts.summary());
            assertTrue(!texts.message().contains("{") && !texts.detail().contains("{"), rule + " left a placeholder");
        }
        assertEquals("Session on the cheeks 1 day 12 hours after the previous one there; the healing interval for "
                + "the depth used is 7 days.", shipped.of(RuleName.HEALING_GAP, Severity.MODERATE, Area.CHEEKS, false,
                evidence).detail());
    }

    @Test
    void onlyCriticalAlertsSaySeekCareToday() {
        assertTrue(shipped.of(RuleName.INFECTION_SIGNS, Severity.CRITICAL, Area.NECK, false, null).message()
                .endsWith("Seek medical care today."));
        assertTrue(!shipped.of(RuleName.OVERUSE, Severity.HIGH, Area.NECK, true, null).message().contains("today"));
    }

    @Test
    void aMissingTextOrASummaryOver140CharactersStopsTheService() {
        Properties texts = shippedProperties();
        texts.remove("OVERUSE.detail");
        texts.setProperty("PIGMENTATION.summary", "x".repeat(130) + " on the {area}");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new AlertTexts(texts));
        assertTrue(refused.getMessage().contains("no text for OVERUSE.detail"), refused.getMessage());
        assertTrue(refused.getMessage().contains("PIGMENTATION.summary is"), refused.getMessage());
    }

    private static Properties shippedProperties() {
        Properties texts = new Properties();
        try (var in = AlertTexts.class.getClassLoader().getResourceAsStream(AlertTexts.RESOURCE);
                var reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
            texts.load(reader);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return texts;
    }
}
