package dev.dermaguard.support.validation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A query parameter or header that must be a whole number in a range, taken as text: a typed parameter that does
 * not parse would be a 404 (as JAX-RS has it) instead of a 400 naming it. Once valid, {@link Long#parseLong} holds.
 */
@Constraint(validatedBy = WholeNumber.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface WholeNumber {

    /** Without a {@link #max()}, the message says "a whole number of at least {min}". */
    String message() default "must be a whole number from {min} to {max}";

    long min() default 0;

    long max() default Long.MAX_VALUE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<WholeNumber, CharSequence> {

        private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

        private long min;
        private long max;

        @Override
        public void initialize(WholeNumber range) {
            this.min = range.min();
            this.max = range.max();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            if (value == null) {
                return true; // absent parameters are optional; a default applies where one is declared
            }
            if (isInRange(value)) {
                return true;
            }
            if (max == Long.MAX_VALUE) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("must be a whole number of at least " + min)
                        .addConstraintViolation();
            }
            return false;
        }

        private boolean isInRange(CharSequence value) {
            if (!DIGITS.matcher(value).matches()) {
                return false;
            }
            try {
                long number = Long.parseLong(value.toString());
                return number >= min && number <= max;
            } catch (NumberFormatException beyondLong) {
                return false;
            }
        }
    }
}
