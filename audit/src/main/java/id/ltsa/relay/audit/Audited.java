package id.ltsa.relay.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a REST method whose every call is written to the audit trail ({@link AuditFilter}), whatever it answers: a
 * refused or not-found read is recorded too, because probing is what an audit is for.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Audited {

    AuditAction value();
}
