package dev.dermaguard.intake.validation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** The time the user reported lies within the accepted window: not in the future, not too old. */
@Constraint(validatedBy = EventTimeValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface EventTime {

    String message() default "must not lie in the future or too far in the past";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
