package id.ltsa.relay.http;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The largest request body an office service reads, one setting for all of them. The HTTP layer's own limit
 * ({@code quarkus.http.limits.max-body-size}, set in this module's microprofile-config.properties) is twice it: it
 * answers a bare 413, so bodies are refused here first, with a problem ({@link BodyLimitFilter},
 * {@link ChunkedBodyLimit}).
 */
@ConfigMapping(prefix = "ltsa.http")
@StaticInitSafe // BodyLimitFilter installs its route when the router is built, before the runtime config is complete
public interface HttpApiConfig {

    /** 64 KiB: an application is under 2 KiB; the callback, which no token guards, is smaller still. */
    String DEFAULT_MAX_BODY_BYTES = "65536";

    @WithDefault(DEFAULT_MAX_BODY_BYTES)
    long maxBodyBytes();

    /** The limit where no bean can be injected (an OpenAPI filter, which documents it). */
    static long configured() {
        return ConfigProvider.getConfig()
                .getOptionalValue("ltsa.http.max-body-bytes", Long.class)
                .orElse(Long.parseLong(DEFAULT_MAX_BODY_BYTES));
    }
}
