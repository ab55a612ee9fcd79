package id.ltsa.relay.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Clients generated at build time from the services' published OpenAPI documents (see e2e-tests' pom), pointed at a
 * running stack and carrying a bearer token: what a district office or the ministry's integration would build.
 */
final class PublishedClients {

    private PublishedClients() {}

    /** {@code token} may be null, for the public tracking page's API. */
    static id.ltsa.relay.client.intake.ApiClient intake(String baseUrl, String token) {
        id.ltsa.relay.client.intake.ApiClient client = new id.ltsa.relay.client.intake.ApiClient();
        client.updateBaseUri(baseUrl);
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    static id.ltsa.relay.client.submission.ApiClient submission(String baseUrl, String token) {
        id.ltsa.relay.client.submission.ApiClient client = new id.ltsa.relay.client.submission.ApiClient();
        client.updateBaseUri(baseUrl);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    static id.ltsa.relay.client.notification.ApiClient notification(String baseUrl, String token) {
        id.ltsa.relay.client.notification.ApiClient client = new id.ltsa.relay.client.notification.ApiClient();
        client.updateBaseUri(baseUrl);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    /** A JSON body, as the generated models read it. */
    static <T> T read(String json, Class<T> type) {
        ObjectMapper mapper = id.ltsa.relay.client.intake.ApiClient.createDefaultObjectMapper();
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
