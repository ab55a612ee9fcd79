package id.ltsa.relay.intake.application.rules;

import id.ltsa.relay.intake.application.ApplicationRequest;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * The applicant's NIK encodes their birth date and gender ({@link NikRules#agreesWith}); reported on {@code nik}.
 * Judged only when the NIK, the birth date and the gender are each valid alone, so a wrong field is named once.
 */
@Documented
@Constraint(validatedBy = NikAgreesWithBirth.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface NikAgreesWithBirth {

    String message() default "does not match birthDate and gender";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<NikAgreesWithBirth, ApplicationRequest.Applicant> {

        @Override
        public boolean isValid(ApplicationRequest.Applicant applicant, ConstraintValidatorContext context) {
            LocalDate birthDate = IsoDates.parse(applicant.birthDate());
            boolean judged = birthDate != null
                    && ("M".equals(applicant.gender()) || "F".equals(applicant.gender()))
                    && applicant.nik() != null
                    && NikRules.isSixteenDigits(applicant.nik())
                    && NikRules.problemWith(applicant.nik()).isEmpty();
            return !judged
                    || NikRules.agreesWith(applicant.nik(), birthDate, applicant.gender())
                    || Violations.sayOn(context, "nik", "does not match birthDate and gender");
        }
    }
}
