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

/** A P_TO_P placement names its placement agency (P3MI); reported on {@code p3miName}. */
@Documented
@Constraint(validatedBy = AgencyForPrivatePlacement.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface AgencyForPrivatePlacement {

    String message() default "is required for the P_TO_P scheme";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<AgencyForPrivatePlacement, ApplicationRequest.Placement> {

        @Override
        public boolean isValid(ApplicationRequest.Placement placement, ConstraintValidatorContext context) {
            boolean named =
                    placement.p3miName() != null && !placement.p3miName().isBlank();
            return named
                    || !"P_TO_P".equals(placement.scheme())
                    || Violations.sayOn(context, "p3miName", "is required for the P_TO_P scheme");
        }
    }
}
