package id.ltsa.relay.contracts;

/** Where and how the applicant will work abroad. */
public record PlacementDetails(
        String destinationCountry, String scheme, String employerName, String jobTitle, String p3miName) {}
