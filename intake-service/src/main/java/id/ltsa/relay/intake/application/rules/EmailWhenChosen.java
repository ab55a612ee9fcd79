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

/** An applicant who chose to hear by EMAIL has an email address; reported on {@code email}. */
@Documented
@Constraint(validatedBy = EmailWhenChosen.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface EmailWhenChosen {

    String message() default "is required when preferredChannel is EMAIL";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<EmailWhenChosen, ApplicationRequest.Applicant> {

        @Override
        public boolean isValid(ApplicationRequest.Applicant applicant, ConstraintValidatorContext context) {
            boolean hasEmail = applicant.email() != null && !applicant.email().isBlank();
            return hasEmail
                    || !"EMAIL".equals(applicant.preferredChannel())
                    || Violations.sayOn(context, "email", "is required when preferredChannel is EMAIL");
        }
    }
}
