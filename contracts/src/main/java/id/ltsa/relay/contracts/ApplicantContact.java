package id.ltsa.relay.contracts;

/**
 * What notification-service needs to tell an applicant about their application, and nothing more: no NIK, no birth
 * date or place, no gender, no placement (UU 27/2022's minimisation). Personal data all the same: never log it unmasked.
 *
 * @param fullName for the greeting ("Halo Darwan") and the initials an SMS status answer shows
 */
public record ApplicantContact(
        String fullName, String phone, String email, NotificationChannel preferredChannel, String language) {

    /** The contact part of the snapshot registered at the counter. */
    public static ApplicantContact of(ApplicantDetails applicant) {
        return new ApplicantContact(
                applicant.fullName(),
                applicant.phone(),
                applicant.email(),
                applicant.preferredChannel(),
                applicant.language());
    }
}
