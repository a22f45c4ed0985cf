package dev.dermaguard.support.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import jakarta.validation.Validation;

import dev.dermaguard.contract.events.Area;
import dev.dermaguard.contract.events.ConsentChanged;
import dev.dermaguard.contract.events.Device;
import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.contract.events.RiskAssessed;
import dev.dermaguard.contract.events.SessionLogged;

/** Events are read tolerantly but hold to their records' constraints; what breaks one is unprocessable. */
class EventCodecTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-01-02T03:04:05Z");

    private final EventCodec codec = new EventCodec(new ObjectMapper().registerModule(new JavaTimeModule()),
            Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
                    .buildValidatorFactory().getValidator());

    private static SessionLogged session(String depth) {
        return new SessionLogged(UUID.randomUUID(), "app", "u-1", AT, Area.CHEEKS,
                depth == null ? null : new BigDecimal(depth), Device.ROLLER, null, null, null, null, null, null);
    }

    @Test
    void aValidEventIsReadAndAFieldItDoesNotKnowIsIgnored() {
        SessionLogged session = session("0.5");
        String json = codec.write(session).replaceFirst("\\{", "{\"addedLater\":1,");

        assertEquals(session, codec.read(json, SessionLogged.class));
    }

    @Test
    void aMissingRequiredFieldOrADepthIntakeRefusesIsUnprocessableNamingTheFieldNotTheValue() {
        UnprocessableRecordException missing = assertThrows(UnprocessableRecordException.class,
                () -> codec.read(codec.write(session(null)), SessionLogged.class));
        assertEquals("invalid SessionLogged: needleDepthMm must not be null", missing.getMessage());

        UnprocessableRecordException tooDeep = assertThrows(UnprocessableRecordException.class,
                () -> codec.read(codec.write(session("3.25")), SessionLogged.class));
        // The bound, never the value (the wording is the validator's own).
        assertTrue(tooDeep.getMessage().startsWith("invalid SessionLogged: needleDepthMm must be less than"),
                tooDeep.getMessage());
        assertFalse(tooDeep.getMessage().contains("3.25"));
    }

    @Test
    void eachRiskOfAnAssessmentIsChecked() {
        RiskAssessed assessed = new RiskAssessed(UUID.randomUUID(), UUID.randomUUID(), "app", "u-1", Area.CHEEKS, AT,
                AT.toInstant(), "1", List.of(new Risk(null, null, "s", "d", null, null)));

        UnprocessableRecordException invalid = assertThrows(UnprocessableRecordException.class,
                () -> codec.read(codec.write(assessed), RiskAssessed.class));
        assertEquals("invalid RiskAssessed: risks[0].rule must not be null, risks[0].severity must not be null",
                invalid.getMessage());
    }

    @Test
    void aConsentForAnIdThatCannotNameAClinicIsUnprocessable() {
        ConsentChanged wellFormed = new ConsentChanged(UUID.randomUUID(), "app", "u-1", "Some.Clinic_1", true, AT);
        ConsentChanged malformed = new ConsentChanged(UUID.randomUUID(), "app", "u-1", "no clinic", true, AT);

        assertEquals(wellFormed, codec.read(codec.write(wellFormed), ConsentChanged.class));
        assertThrows(UnprocessableRecordException.class, () -> codec.read(codec.write(malformed), ConsentChanged.class));
    }

    @Test
    void malformedJsonIsUnprocessableWithoutQuotingIt() {
        UnprocessableRecordException malformed = assertThrows(UnprocessableRecordException.class,
                () -> codec.read("{\"userId\": \"secret-value", SessionLogged.class));
        assertFalse(malformed.getMessage().contains("secret-value"));
    }
}
