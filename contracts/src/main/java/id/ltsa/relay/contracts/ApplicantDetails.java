package id.ltsa.relay.contracts;

import java.time.LocalDate;

/** The applicant (CPMI) as registered at the office counter. Personal data: never log it unmasked. */
public record ApplicantDetails(
        String nik,
        String fullName,
        LocalDate birthDate,
        String birthPlace,
        String gender,
        String phone,
        String email,
        NotificationChannel preferredChannel,
        String language) {}
