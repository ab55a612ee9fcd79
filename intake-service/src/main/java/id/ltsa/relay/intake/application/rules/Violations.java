package id.ltsa.relay.intake.application.rules;

import jakarta.validation.ConstraintValidatorContext;

/** Reporting a violation in the words of the rule that found it, on the field it is about. */
final class Violations {

    private Violations() {}

    /** Replaces the constraint's default message with {@code message}; always false, for {@code return}. */
    static boolean say(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(escaped(message)).addConstraintViolation();
        return false;
    }

    /** Reports {@code message} on the property {@code field} of the validated object (a class-level rule). */
    static boolean sayOn(ConstraintValidatorContext context, String field, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(escaped(message))
                .addPropertyNode(field)
                .addConstraintViolation();
        return false;
    }

    /** Messages are literal text, never templates: a brace in one must not be read as an expression. */
    private static String escaped(String message) {
        return message.replace("\\", "\\\\")
                .replace("{", "\\{")
                .replace("}", "\\}")
                .replace("$", "\\$");
    }
}
