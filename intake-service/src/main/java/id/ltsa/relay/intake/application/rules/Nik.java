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

/**
 * A NIK as Dukcapil issues it ({@link NikRules}): a province, regency and district code and a birth date in its
 * digits. Null and a value that is not 16 digits are left to {@code @NotNull} and {@code @Pattern}, which the OpenAPI
 * document shows; this constraint says what else is wrong with it.
 */
@Documented
@Constraint(validatedBy = Nik.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface Nik {

    String message() default "is not a NIK";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Nik, String> {

        @Override
        public boolean isValid(String nik, ConstraintValidatorContext context) {
            if (nik == null || !NikRules.isSixteenDigits(nik)) {
                return true;
            }
            return NikRules.problemWith(nik)
                    .map(problem -> Violations.say(context, problem))
                    .orElse(true);
        }
    }
}
