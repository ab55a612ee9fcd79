package id.ltsa.relay.localstack.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter.OpenApiValidationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The check every REST test runs under: an answer that drifts from the served document fails the call, an answer
 * that keeps to it passes, and a bad request (the tests' own doing) is not held against the service. A real HTTP
 * server serves both the document and the answers.
 */
class AnswersMatchTheDocumentTest {

    private static final String DOCUMENT = """
            {"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
             "paths": {"/things/{id}": {"get": {
               "parameters": [{"name": "id", "in": "path", "required": true,
                               "schema": {"type": "integer", "maximum": 9}}],
               "responses": {"200": {"description": "a thing", "content": {"application/json": {"schema": {
                 "type": "object", "required": ["name"],
                 "properties": {"name": {"type": "string", "maxLength": 5},
                                "note": {"type": "string", "nullable": true}}}}}}}}}}}
            """;

    private HttpServer server;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/q/openapi", exchange -> answer(exchange, 200, DOCUMENT));
        server.createContext("/things/1", exchange -> answer(exchange, 200, "{\"name\": \"kept\", \"note\": null}"));
        server.createContext("/things/2", exchange -> answer(exchange, 200, "{\"name\": null}"));
        server.createContext("/things/3", exchange -> answer(exchange, 418, "{}"));
        server.createContext("/things/4", exchange -> answer(exchange, 200, "{\"name\": \"far too long\"}"));
        server.createContext("/things/10", exchange -> answer(exchange, 200, "{\"name\": \"ok\"}"));
        server.start();
        RestAssured.port = server.getAddress().getPort();
        AnswersMatchTheDocument.checkAnswersAgainst(URI.create("http://127.0.0.1:" + RestAssured.port + "/q/openapi"));
    }

    @AfterEach
    void stop() {
        RestAssured.reset();
        server.stop(0);
    }

    @Test
    void an_answer_the_document_describes_passes() {
        given().get("/things/1").then().statusCode(200);
    }

    @Test
    void a_null_where_the_document_promises_a_string_fails() {
        assertThrows(OpenApiValidationException.class, () -> given().get("/things/2"));
    }

    @Test
    void an_undocumented_status_fails() {
        assertThrows(OpenApiValidationException.class, () -> given().get("/things/3"));
    }

    @Test
    void a_value_beyond_the_documented_limit_fails() {
        assertThrows(OpenApiValidationException.class, () -> given().get("/things/4"));
    }

    @Test
    void a_request_outside_the_document_is_the_test_s_own_business() {
        given().get("/things/10").then().statusCode(200);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
