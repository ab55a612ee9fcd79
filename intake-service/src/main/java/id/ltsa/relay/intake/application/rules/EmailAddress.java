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
import java.util.regex.Pattern;

/**
 * An address mail can be sent to. Not Bean Validation's {@code @Email}, which accepts {@code darwan@localhost}; and
 * not a {@code @Pattern}, which would match before the length is capped: this pattern's backtracking grows with the
 * square of the length (16,000 characters took 269 ms). Longer than {@link #MAX_LENGTH} is left to {@code @Size}.
 */
@Documented
@Constraint(validatedBy = EmailAddress.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface EmailAddress {

    /** The longest address SMTP carries (RFC 5321's 256-octet path, less its angle brackets). */
    int MAX_LENGTH = 254;

    String message() default "is not an email address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<EmailAddress, String> {

        private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null
                    || value.isBlank()
                    || value.length() > MAX_LENGTH
                    || EMAIL.matcher(value).matches();
        }
    }
}
