package id.ltsa.relay.intake.application;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.http.Caller;
import id.ltsa.relay.intake.link.CentralLinkState;
import id.ltsa.relay.intake.link.CentralLinks;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Lists an office's applications (every office's for the ministry), newest first, a page at a time. */
@ApplicationScoped
public class ApplicationSearch {

    @Schema(name = "ApplicationPage")
    public record Page(
            @Schema(maxItems = ApplicationResource.MAX_SIZE) List<ApplicationView> items,

            @Schema(format = "int32", minimum = "0", maximum = "" + ApplicationResource.MAX_PAGE)
            int page,

            @Schema(format = "int32", minimum = "1", maximum = "" + ApplicationResource.MAX_SIZE)
            int size,

            @Schema(format = "int64", minimum = "0", maximum = "9223372036854775807")
            long total) {}

    private final CentralLinks links;

    ApplicationSearch(CentralLinks links) {
        this.links = links;
    }

    public Page list(Caller caller, ApplicationStatus status, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (!caller.isMinistry()) {
            where.append(" and officeCode = :office");
            parameters.and("office", caller.office().orElse("----"));
        }
        if (status != null) {
            where.append(" and status = :status");
            parameters.and("status", status);
        }
        PanacheQuery<Application> query =
                Application.find(where.toString(), Sort.descending("createdAt").and("id"), parameters);
        List<Application> applications = query.page(page, size).list();
        Map<UUID, List<StatusHistoryEntry>> histories = histories(applications);
        CentralLinkState link = links.current();
        return new Page(
                applications.stream()
                        .map(application -> ApplicationView.of(
                                application, histories.getOrDefault(application.id, List.of()), link))
                        .toList(),
                page,
                size,
                query.count());
    }

    /** One query for the histories of a whole page, not one per application. */
    private static Map<UUID, List<StatusHistoryEntry>> histories(List<Application> applications) {
        if (applications.isEmpty()) {
            return Map.of();
        }
        List<StatusHistoryEntry> entries = StatusHistoryEntry.list(
                "applicationId in ?1 order by id",
                applications.stream().map(application -> application.id).toList());
        return entries.stream()
                .collect(Collectors.groupingBy(
                        entry -> entry.applicationId, Collectors.mapping(Function.identity(), Collectors.toList())));
    }
}
