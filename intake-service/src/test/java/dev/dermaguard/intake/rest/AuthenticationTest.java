package dev.dermaguard.intake.rest;

import static dev.dermaguard.intake.rest.Requests.PROBLEM;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.function.BiFunction;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import dev.dermaguard.common.Topics;
import dev.dermaguard.testsupport.TopicClient;

/** Every intake endpoint is for app keys only: no, empty or unknown key is 401, a clinic's key 403; nothing is published. */
@QuarkusTest
class AuthenticationTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ParameterizedTest
    @ValueSource(strings = {"/v1/sessions", "/v1/sessions/batch", "/v1/check-ins", "/v1/consents"})
    void onlyAnAppKeyMayPost(String path) {
        String user = "auth-" + UUID.randomUUID();
        String body = validBody(path, user);

        expect(given(), body, path, 401, "Missing API key: send it in the X-API-Key header");
        expect(given().header("X-API-Key", ""), body, path, 401, "Missing API key: send it in the X-API-Key header");
        expect(given().header("X-API-Key", "local-app-key-but-not-quite"), body, path, 401, "Unknown API key");
        expect(given().header("X-API-Key", "local-clinic-key"), body, path, 403, "This endpoint is for app keys");

        try (TopicClient topics = new TopicClient(bootstrapServers)) {
            assertTrue(topics.read(Topics.EVENTS, r -> r.key().endsWith(":" + user)).isEmpty());
        }
    }

    private static String validBody(String path, String user) {
        BiFunction<UUID, String, String> single = switch (path) {
            case "/v1/check-ins" -> Requests::checkIn;
            case "/v1/consents" -> Requests::consent;
            default -> Requests::session;
        };
        String one = single.apply(UUID.randomUUID(), user);
        return path.endsWith("/batch") ? "[" + one + "]" : one;
    }

    private static void expect(RequestSpecification request, String body, String path, int status, String detail) {
        request.contentType(ContentType.JSON).body(body).when().post(path)
                .then().statusCode(status).contentType(PROBLEM).body("detail", equalTo(detail));
    }
}
