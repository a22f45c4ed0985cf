package dev.dermaguard.intake.validation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Collection;
import java.util.HashSet;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A JSON array that must not name the same value twice. */
@Constraint(validatedBy = NoDuplicates.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface NoDuplicates {

    String message() default "must not contain the same value twice";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NoDuplicates, Collection<?>> {
        @Override
        public boolean isValid(Collection<?> values, ConstraintValidatorContext context) {
            return values == null || new HashSet<>(values).size() == values.size();
        }
    }
}
