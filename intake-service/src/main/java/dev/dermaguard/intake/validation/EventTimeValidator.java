package dev.dermaguard.intake.validation;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import dev.dermaguard.intake.config.IntakeConfig;

@ApplicationScoped
public class EventTimeValidator implements ConstraintValidator<EventTime, OffsetDateTime> {

    // Looked up on use: Hibernate Validator initialises validators before configuration mappings exist.
    private final Instance<IntakeConfig> config;
    private final Clock clock = Clock.systemUTC();

    public EventTimeValidator(Instance<IntakeConfig> config) {
        this.config = config;
    }

    @Override
    public boolean isValid(OffsetDateTime value, ConstraintValidatorContext context) {
        if (value == null) {
            return true; // @NotNull reports absence
        }
        IntakeConfig config = this.config.get();
        OffsetDateTime now = OffsetDateTime.now(clock);
        String problem = value.isAfter(now.plus(config.maxClockSkew()))
                ? "must not be more than " + config.maxClockSkew().toMinutes() + " minutes in the future"
                : value.isBefore(now.minus(config.maxEventAge()))
                        ? "must not be more than " + config.maxEventAge().toDays() + " days old"
                        : null;
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        return false;
    }
}
