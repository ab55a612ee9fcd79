package id.ltsa.relay.intake.application.rules;

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
import java.time.Period;
import java.time.ZoneId;

/**
 * A birth date (text, {@code 1995-04-05}) that is a real date and makes the applicant {@code min} to {@code max} years
 * old today, on the office's calendar (the validator's clock, so a test can fix the day). Null is left to
 * {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = AgeBetween.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface AgeBetween {

    /** The message for a value that is not a date; an age out of range is named with its bounds. */
    String message() default "must be a date like 1995-04-05";

    int min();

    int max();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<AgeBetween, String> {

        /** Ages are judged on the office's calendar day. */
        private static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Jakarta");

        private int min;
        private int max;

        @Override
        public void initialize(AgeBetween bounds) {
            min = bounds.min();
            max = bounds.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            LocalDate birthDate = IsoDates.parse(value);
            if (birthDate == null) {
                return false;
            }
            LocalDate today =
                    LocalDate.now(context.getClockProvider().getClock().withZone(OFFICE_ZONE));
            int age = Period.between(birthDate, today).getYears();
            return (age >= min && age <= max)
                    || Violations.say(context, "the applicant must be " + min + " to " + max + " years old");
        }
    }
}
