package dev.dermaguard.contract.validation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/**
 * A clinic id (DESIGN.md): 1 to 48 of {@code [a-z0-9-]}. It names the clinic's Kafka topic and group prefix, so no
 * dots or underscores (Kafka confuses them in topic names) and short enough for a topic name.
 */
@Pattern(regexp = ClinicId.PATTERN)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface ClinicId {

    String PATTERN = "[a-z0-9-]{1,48}";
    String MESSAGE = "must be 1 to 48 characters of a-z, 0-9 or '-'";

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
