package id.ltsa.relay.intake.application;

/**
 * The body of POST /api/v1/applications as a client sends it. Every value is read as text, so a wrong value is
 * reported with every other bad field by {@link ApplicationValidator} instead of failing the parse. Fields the server
 * owns (id, status, officeCode, ...) have no place here, so sending them changes nothing.
 */
public record ApplicationRequest(String documentType, Applicant applicant, Placement placement) {

    public record Applicant(String nik, String fullName, String birthDate, String birthPlace, String gender,
            String phone, String email, String preferredChannel, String language) {
    }

    public record Placement(String destinationCountry, String scheme, String employerName, String jobTitle,
            String p3miName) {
    }
}
