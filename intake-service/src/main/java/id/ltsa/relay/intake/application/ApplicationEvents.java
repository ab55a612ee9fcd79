package id.ltsa.relay.intake.application;

import id.ltsa.relay.contracts.ApplicantContact;
import id.ltsa.relay.contracts.ApplicantContactRecorded;
import id.ltsa.relay.contracts.ApplicantDetails;
import id.ltsa.relay.contracts.ApplicationAmended;
import id.ltsa.relay.contracts.ApplicationErased;
import id.ltsa.relay.contracts.ApplicationReceived;
import id.ltsa.relay.contracts.ApplicationWithdrawn;
import id.ltsa.relay.contracts.ErasureReason;
import id.ltsa.relay.contracts.PlacementDetails;
import java.time.Instant;

/** The events of the contracts module, made from the stored application. */
final class ApplicationEvents {

    private ApplicationEvents() {}

    static ApplicationReceived received(Application application, Instant at) {
        return new ApplicationReceived(
                application.id,
                application.trackingCode,
                application.officeCode,
                application.documentType,
                application.revision,
                applicant(application),
                placement(application),
                at);
    }

    static ApplicationAmended amended(Application application, Instant at) {
        return new ApplicationAmended(
                application.id,
                application.trackingCode,
                application.officeCode,
                application.documentType,
                application.revision,
                applicant(application),
                placement(application),
                at);
    }

    /** How to reach the applicant of this revision: all notification-service is given (never the snapshot). */
    static ApplicantContactRecorded contactRecorded(Application application, Instant at) {
        return new ApplicantContactRecorded(
                application.id,
                application.trackingCode,
                application.officeCode,
                application.revision,
                ApplicantContact.of(applicant(application)),
                at);
    }

    static ApplicationWithdrawn withdrawn(Application application, String reason, Instant at) {
        return new ApplicationWithdrawn(
                application.id, application.trackingCode, application.officeCode, application.revision, reason, at);
    }

    static ApplicationErased erased(Application application, ErasureReason reason, Instant at) {
        return new ApplicationErased(
                application.id, application.trackingCode, application.officeCode, application.revision, reason, at);
    }

    private static ApplicantDetails applicant(Application application) {
        return new ApplicantDetails(
                application.nik,
                application.fullName,
                application.birthDate,
                application.birthPlace,
                application.gender,
                application.phone,
                application.email,
                application.preferredChannel,
                application.language);
    }

    private static PlacementDetails placement(Application application) {
        return new PlacementDetails(
                application.destinationCountry,
                application.scheme,
                application.employerName,
                application.jobTitle,
                application.p3miName);
    }
}
