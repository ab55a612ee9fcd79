package id.ltsa.relay.ministry.fleet;

import id.ltsa.relay.contracts.OfficeState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** The one writer and reader of office_state_history: each office's states, oldest first. */
@ApplicationScoped
public class OfficeHistory {

    /** One state an office entered, and when. */
    public record Entry(OfficeState state, Instant since) {}

    @Entity
    @Table(name = "office_state_history")
    public static class Row extends PanacheEntityBase {

        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        public Long id;

        @Column(name = "office_code")
        public String officeCode;

        public String state;
        public Instant since;
    }

    void add(String officeCode, OfficeState state, Instant since) {
        Row row = new Row();
        row.officeCode = officeCode;
        row.state = state.name();
        row.since = since;
        row.persist();
    }

    public List<Entry> of(String officeCode) {
        return Row.<Row>list("officeCode = ?1 order by since, id", officeCode).stream()
                .map(row -> new Entry(OfficeState.valueOf(row.state), row.since))
                .toList();
    }
}
