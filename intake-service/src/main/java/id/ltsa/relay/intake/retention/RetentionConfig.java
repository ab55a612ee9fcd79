package id.ltsa.relay.intake.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long an applicant's personal data is kept once the application is final (ISSUED, REJECTED, WITHDRAWN). */
@ConfigMapping(prefix = "ltsa.retention")
public interface RetentionConfig {

    /**
     * One year: long enough for the questions that follow a passport's issue or a refusal (a lost passport, a
     * complaint, an audit), and no longer. A ministry regulation that sets another period is configured here.
     */
    @WithDefault("365d")
    Duration afterFinal();

    /** Applications erased per transaction; the job goes on until none is due. */
    @WithDefault("100")
    int batch();
}
