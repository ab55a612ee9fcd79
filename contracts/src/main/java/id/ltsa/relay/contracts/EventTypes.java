package id.ltsa.relay.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The one map between CloudEvents types, topics and records; producers and consumers both look here. */
public final class EventTypes {

    public static final EventType<ApplicationReceived> APPLICATION_RECEIVED =
            new EventType<>(ApplicationReceived.TYPE, Topics.APPLICATIONS, ApplicationReceived.class);
    public static final EventType<ApplicationAmended> APPLICATION_AMENDED =
            new EventType<>(ApplicationAmended.TYPE, Topics.APPLICATIONS, ApplicationAmended.class);
    public static final EventType<ApplicationWithdrawn> APPLICATION_WITHDRAWN = new EventType<>(
            ApplicationWithdrawn.TYPE,
            Topics.APPLICATIONS,
            ApplicationWithdrawn.class,
            List.of(Topics.APPLICANT_CONTACTS));
    public static final EventType<ApplicationErased> APPLICATION_ERASED = new EventType<>(
            ApplicationErased.TYPE, Topics.APPLICATIONS, ApplicationErased.class, List.of(Topics.APPLICANT_CONTACTS));
    public static final EventType<ApplicantContactRecorded> APPLICANT_CONTACT_RECORDED =
            new EventType<>(ApplicantContactRecorded.TYPE, Topics.APPLICANT_CONTACTS, ApplicantContactRecorded.class);
    public static final EventType<ApplicationStatusChanged> STATUS_CHANGED =
            new EventType<>(ApplicationStatusChanged.TYPE, Topics.APPLICATION_STATUS, ApplicationStatusChanged.class);
    public static final EventType<CentralLinkChanged> CENTRAL_LINK_CHANGED =
            new EventType<>(CentralLinkChanged.TYPE, Topics.CENTRAL_LINK, CentralLinkChanged.class);

    public static final EventType<OfficeStateChanged> OFFICE_STATE_CHANGED =
            new EventType<>(OfficeStateChanged.TYPE, Topics.FLEET_OFFICE_STATE, OfficeStateChanged.class);

    public static final List<EventType<?>> ALL = List.of(
            APPLICATION_RECEIVED,
            APPLICATION_AMENDED,
            APPLICATION_WITHDRAWN,
            APPLICATION_ERASED,
            APPLICANT_CONTACT_RECORDED,
            STATUS_CHANGED,
            CENTRAL_LINK_CHANGED,
            OFFICE_STATE_CHANGED);

    private static final Map<String, EventType<?>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));
    private static final Map<Class<?>, EventType<?>> BY_CLASS =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::dataClass, Function.identity()));

    private EventTypes() {}

    public static Optional<EventType<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static EventType<?> of(Object event) {
        EventType<?> type = BY_CLASS.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException(
                    "Not an LTSA event: " + event.getClass().getName());
        }
        return type;
    }
}
