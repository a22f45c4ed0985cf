package dev.dermaguard.intake.validation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import dev.dermaguard.support.auth.ApiKeys;
import dev.dermaguard.contract.validation.ClinicId;

/**
 * A clinic DermaGuard knows: one of the clinic principals of the configured keys. A consent to any other would let
 * an app make DermaGuard provision topics and credentials for made-up clinics.
 */
@Constraint(validatedBy = ConfiguredClinic.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface ConfiguredClinic {

    String message() default "is not a clinic of this DermaGuard deployment";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    @ApplicationScoped
    class Validator implements ConstraintValidator<ConfiguredClinic, String> {

        private static final Pattern FORMAT = Pattern.compile(ClinicId.PATTERN);

        // Looked up on use, as in EventTimeValidator: the keys come from a configuration mapping.
        private final Instance<ApiKeys> keys;

        public Validator(Instance<ApiKeys> keys) {
            this.keys = keys;
        }

        @Override
        public boolean isValid(String clinicId, ConstraintValidatorContext context) {
            // Absent or malformed ids are @NotNull's and @ClinicId's to report, once.
            return clinicId == null || !FORMAT.matcher(clinicId).matches() || keys.get().clinicIds().contains(clinicId);
        }
    }
}
