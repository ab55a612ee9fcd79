package id.ltsa.relay.intake.application;

import id.ltsa.relay.http.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The contract's rules for an application (the Bean Validation constraints of {@link ApplicationRequest}), reporting
 * every bad field at once, never only the first, in the order of the body's fields. Called by the service rather than
 * by {@code @Valid} on the resource, so that a bad body is one more {@code ProblemException} among the service's.
 */
@ApplicationScoped
public class ApplicationValidator {

    /** documentType, applicant, applicant.nik, ... placement.p3miName: the order errors are listed in. */
    private static final List<String> FIELDS = fieldsOf(ApplicationRequest.class, "");

    private static final Comparator<FieldError> BODY_ORDER = Comparator.comparingInt(error -> {
        int at = FIELDS.indexOf(error.field());
        return at < 0 ? FIELDS.size() : at;
    });

    private final Validator validator;

    ApplicationValidator(Validator validator) {
        this.validator = validator;
    }

    /**
     * Outside CDI (the OpenAPI filter's example, unit tests): Hibernate Validator on its own, judging ages by
     * {@code clock}. Without EL: the messages are literal text.
     */
    public static ApplicationValidator standalone(Clock clock) {
        return new ApplicationValidator(Validation.byDefaultProvider()
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .clockProvider(() -> clock)
                .buildValidatorFactory()
                .getValidator());
    }

    public List<FieldError> validate(ApplicationRequest request) {
        if (request == null) {
            return List.of(new FieldError("body", "is required"));
        }
        return validator.validate(request).stream()
                .map(ApplicationValidator::fieldError)
                .distinct() // a field's constraints share their message: one error per wrong field
                .sorted(BODY_ORDER)
                .toList();
    }

    private static FieldError fieldError(ConstraintViolation<ApplicationRequest> violation) {
        return new FieldError(violation.getPropertyPath().toString(), violation.getMessage());
    }

    private static List<String> fieldsOf(Class<?> record, String prefix) {
        List<String> fields = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            fields.add(prefix + component.getName());
            if (component.getType().isRecord()) {
                fields.addAll(fieldsOf(component.getType(), prefix + component.getName() + "."));
            }
        }
        return fields;
    }
}
