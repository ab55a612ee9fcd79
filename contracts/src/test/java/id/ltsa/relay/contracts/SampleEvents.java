package id.ltsa.relay.contracts;

import id.ltsa.relay.contracts.testing.SampleApplicant;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One realistic instance of every event; the golden files in src/test/resources/golden are these, serialized. */
final class SampleEvents {

    static final UUID APPLICATION_ID = UUID.fromString("0b6f7a52-3c1e-4a8e-9d8f-2f6c1b7e9a10");
    static final Instant AT = Instant.parse("2026-11-27T03:15:00Z");

    static final ApplicantDetails APPLICANT = SampleApplicant.details();
    static final PlacementDetails PLACEMENT = SampleApplicant.PLACEMENT;

    static final Map<EventType<?>, Object> BY_TYPE = Map.of(
            EventTypes.APPLICATION_RECEIVED,
            new ApplicationReceived(
                    APPLICATION_ID, "LT-7K3M9Q2X", SampleApplicant.OFFICE, "PASSPORT", 1, APPLICANT, PLACEMENT, AT),
            EventTypes.APPLICATION_AMENDED,
            new ApplicationAmended(
                    APPLICATION_ID, "LT-7K3M9Q2X", SampleApplicant.OFFICE, "PASSPORT", 2, APPLICANT, PLACEMENT, AT),
            EventTypes.APPLICATION_WITHDRAWN,
            new ApplicationWithdrawn(
                    APPLICATION_ID, "LT-7K3M9Q2X", SampleApplicant.OFFICE, 1, "Applicant changed plans", AT),
            EventTypes.APPLICATION_ERASED,
            new ApplicationErased(
                    APPLICATION_ID, "LT-7K3M9Q2X", SampleApplicant.OFFICE, 1, ErasureReason.RETENTION, AT),
            EventTypes.APPLICANT_CONTACT_RECORDED,
            new ApplicantContactRecorded(
                    APPLICATION_ID, "LT-7K3M9Q2X", SampleApplicant.OFFICE, 1, ApplicantContact.of(APPLICANT), AT),
            EventTypes.STATUS_CHANGED,
            new ApplicationStatusChanged(
                    APPLICATION_ID,
                    "LT-7K3M9Q2X",
                    SampleApplicant.OFFICE,
                    ApplicationStatus.DELAYED,
                    ApplicationStatus.QUEUED,
                    "Central API unreachable",
                    null,
                    1,
                    AT.plusSeconds(2),
                    1,
                    1,
                    AT),
            EventTypes.CENTRAL_LINK_CHANGED,
            new CentralLinkChanged(LinkState.DOWN, AT, "connect timed out", 42, LinkDiagnosis.UPLINK_DOWN),
            EventTypes.OFFICE_STATE_CHANGED,
            new OfficeStateChanged(
                    SampleApplicant.OFFICE, OfficeState.SILENT, OfficeState.OK, AT.plusSeconds(900), AT, 42));

    private SampleEvents() {}
}
