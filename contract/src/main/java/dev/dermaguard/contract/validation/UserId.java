package dev.dermaguard.contract.validation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/** An app's pseudonymous user id (DESIGN.md): 1 to 64 of {@code [A-Za-z0-9._-]}, in a body or in a path. */
@Pattern(regexp = UserId.PATTERN)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface UserId {

    String PATTERN = "[A-Za-z0-9._-]{1,64}";
    String MESSAGE = "must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'";

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
