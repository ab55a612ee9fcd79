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
import java.util.Locale;
import java.util.Set;

/** An ISO 3166-1 alpha-2 country other than Indonesia: where the worker is placed. Null is left to {@code @NotNull}. */
@Documented
@Constraint(validatedBy = CountryAbroad.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface CountryAbroad {

    String message() default "must be an ISO 3166-1 alpha-2 code, like KR";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<CountryAbroad, String> {

        private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

        @Override
        public boolean isValid(String country, ConstraintValidatorContext context) {
            if (country == null) {
                return true;
            }
            if (!COUNTRIES.contains(country)) {
                return false;
            }
            return !"ID".equals(country) || Violations.say(context, "must be a country other than Indonesia");
        }
    }
}
