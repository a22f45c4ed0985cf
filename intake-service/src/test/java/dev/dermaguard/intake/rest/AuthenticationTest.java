package dev.dermaguard.intake.rest;

import static dev.dermaguard.intake.rest.Requests.PROBLEM;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.function.BiFunction;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.testsupport.LocalInfraTestResource;
import dev.dermaguard.intake.IntakeInfrastructure;
import dev.dermaguard.testsupport.TopicClient;
import dev.dermaguard.testsupport.fuzz.DevKeys;
import dev.dermaguard.testsupport.fuzz.RoleMatrix;

/**
 * Every intake endpoint is for app keys only: no, empty or unknown key is 401, a clinic's or an operator's key 403;
 * nothing is published then. Neither keys nor health data reach the log.
 */
@QuarkusTest
@IntakeInfrastructure
class AuthenticationTest {

    /** The PLAINTEXT listener: the service's own user may not read what it writes. */
    @ConfigProperty(name = LocalInfraTestResource.TEST_BOOTSTRAP_SERVERS)
    String bootstrapServers;

    @TestHTTPResource("/")
    URI root;

    @ParameterizedTest
    @ValueSource(strings = {"/v1/sessions", "/v1/sessions/batch", "/v1/check-ins", "/v1/consents"})
    void onlyAnAppKeyMayPost(String path) {
        String user = "auth-" + UUID.randomUUID();
        String body = validBody(path, user);

        expect(given(), body, path, 401, "Missing API key: send it in the X-API-Key header");
        expect(given().header("X-API-Key", ""), body, path, 401, "Missing API key: send it in the X-API-Key header");
        expect(given().header("X-API-Key", "local-app-key-but-not-quite"), body, path, 401, "Unknown API key");
        expect(given().header("X-API-Key", DevKeys.CLINIC), body, path, 403, "This endpoint is for app keys");

        try (TopicClient topics = new TopicClient(bootstrapServers)) {
            assertTrue(topics.read(Topics.EVENTS, r -> r.key().endsWith(":" + user)).isEmpty());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/sessions", "/v1/sessions/batch", "/v1/check-ins", "/v1/consents"})
    void everyKeyOnEveryEndpoint(String path) {
        String body = validBody(path, "roles-" + UUID.randomUUID());
        assertEquals(List.of(), new RoleMatrix(root).check("POST", path, body, List.of("app"), RoleMatrix.keysOf("app")));
    }

    @Test
    void neitherKeysNorHealthDataAreLogged() {
        String secretKey = "secret-" + UUID.randomUUID();
        String user = "private-" + UUID.randomUUID();
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                StringWriter trace = new StringWriter();
                if (record.getThrown() != null) {
                    record.getThrown().printStackTrace(new PrintWriter(trace));
                }
                logged.add(record.getMessage() + " " + Arrays.toString(record.getParameters()) + " " + trace);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            expect(given().header("X-API-Key", secretKey), validBody("/v1/sessions", user), "/v1/sessions", 401,
                    "Unknown API key");
            Requests.asApp().body(validBody("/v1/sessions", user).replace("0.5", "8.64")).when().post("/v1/sessions")
                    .then().statusCode(400);
            Requests.asApp().body(validBody("/v1/check-ins", user)).when().post("/v1/check-ins").then().statusCode(202);
            Requests.asApp().body(validBody("/v1/sessions/batch", user).replace("CHEEKS", "CHEEK"))
                    .when().post("/v1/sessions/batch").then().statusCode(400);
            Logger.getLogger(AuthenticationTest.class.getName()).warning("the capture sees the application's log");
        } finally {
            root.removeHandler(capture);
        }
        assertTrue(logged.stream().anyMatch(line -> line.contains("the capture sees")), "the capture works");
        for (String line : logged) {
            assertFalse(line.contains(secretKey) || line.contains(Requests.APP_KEY), "a key in the log: " + line);
            assertFalse(line.contains(user) || line.contains("REDNESS") || line.contains("8.64"),
                    "health data in the log: " + line);
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
