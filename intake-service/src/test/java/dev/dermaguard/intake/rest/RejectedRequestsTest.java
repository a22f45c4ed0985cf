package dev.dermaguard.intake.rest;

import static dev.dermaguard.intake.rest.Requests.PROBLEM;
import static dev.dermaguard.intake.rest.Requests.asApp;
import static dev.dermaguard.intake.rest.Requests.session;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.dermaguard.infra.Http11;
import dev.dermaguard.intake.IntakeInfrastructure;

/** Every kind of request the service must refuse gets its own 4xx problem, never a 5xx or a stack trace. */
@QuarkusTest
@IntakeInfrastructure
class RejectedRequestsTest {

    @TestHTTPResource("/")
    URL root;

    private final String user = "u-" + UUID.randomUUID();

    @Test
    void anUnknownPathIs404Problem() {
        given().header("X-API-Key", Requests.APP_KEY).contentType(ContentType.JSON).body("{}")
                .when().post("/v1/nothing-here")
                .then().statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
    }

    @Test
    void aWrongMethodIs405Problem() {
        asApp().when().get("/v1/sessions").then().statusCode(405).contentType(PROBLEM).body("status", equalTo(405));
        asApp().body("{}").when().put("/v1/sessions/batch").then().statusCode(405).contentType(PROBLEM);
        asApp().when().delete("/v1/consents").then().statusCode(405).contentType(PROBLEM);
    }

    @Test
    void aBodyThatIsNotJsonIs415Problem() {
        given().header("X-API-Key", Requests.APP_KEY).contentType("text/plain").body(session(UUID.randomUUID(), user))
                .when().post("/v1/sessions")
                .then().statusCode(415).contentType(PROBLEM).body("detail", containsString("application/json"));
        given().header("X-API-Key", Requests.APP_KEY).contentType("*/*")
                .body(session(UUID.randomUUID(), user).getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/check-ins")
                .then().statusCode(415).contentType(PROBLEM);
        given().header("X-API-Key", Requests.APP_KEY).contentType("application/xml").body("<a/>")
                .when().post("/v1/sessions/batch")
                .then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void anAcceptThatExcludesJsonIs406Problem() {
        asApp().accept("text/html").body(session(UUID.randomUUID(), user))
                .when().post("/v1/sessions")
                .then().statusCode(406).contentType(PROBLEM).body("status", equalTo(406));
    }

    @Test
    void malformedOrTruncatedJsonIs400ProblemSayingWhere() {
        String truncated = session(UUID.randomUUID(), user).substring(0, 40);
        asApp().body(truncated).when().post("/v1/sessions")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("Malformed JSON"));
        asApp().body("[" + truncated).when().post("/v1/sessions/batch")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("Malformed JSON"));
    }

    @Test
    void anEmptyOrNullBodyIs400Problem() {
        for (String path : new String[] {"/v1/sessions", "/v1/check-ins", "/v1/consents", "/v1/sessions/batch"}) {
            asApp().body("").when().post(path).then().statusCode(400).contentType(PROBLEM);
            asApp().body("null").when().post(path).then().statusCode(400).contentType(PROBLEM);
        }
    }

    @Test
    void anArrayWhereAnObjectBelongsAndAnObjectWhereTheBatchArrayBelongsAre400Problems() {
        asApp().body("[" + session(UUID.randomUUID(), user) + "]").when().post("/v1/sessions")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("(body)"));
        asApp().body(session(UUID.randomUUID(), user)).when().post("/v1/sessions/batch")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("(body)"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"deviceDisinfected\":false | \"deviceDisinfected\":1        | deviceDisinfected",
        "\"deviceDisinfected\":false | \"deviceDisinfected\":\"\"     | deviceDisinfected",
        "\"area\":\"CHEEKS\"         | \"area\":0                    | area",
        "\"area\":\"CHEEKS\"         | \"area\":\"CHEEKS \"           | area",
        "\"needleDepthMm\":0.5       | \"needleDepthMm\":\"0.5\"       | needleDepthMm",
        "\"needleDepthMm\":0.5       | \"needleDepthMm\":1e400         | needleDepthMm",
        "\"needleDepthMm\":0.5       | \"needleDepthMm\":0.5000000001  | needleDepthMm",
        "\"userId\":\"                | \"userId\":\"\\u0000           | userId",
    })
    void valuesJacksonWouldCoerceOrTrimAreRejected(String valid, String hostile, String field) {
        String body = session(UUID.randomUUID(), user).replace("}", ",\"deviceDisinfected\":false}")
                .replace(valid, hostile);
        asApp().body(body).when().post("/v1/sessions")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(field));
    }

    @Test
    void anEpochNumberOrAPaddedUuidIsNotAcceptedForAStringFormat() {
        String epoch = session(UUID.randomUUID(), user).replaceFirst("\"performedAt\":\"[^\"]+\"", "\"performedAt\":1763900000");
        asApp().body(epoch).when().post("/v1/sessions")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("performedAt"));
        UUID id = UUID.randomUUID();
        asApp().body(session(id, user).replace(id.toString(), id + "\\u0000")).when().post("/v1/sessions")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("eventId"));
    }

    @Test
    void aBodyOverTheEndpointsLimitIs413Problem() {
        String padded = session(UUID.randomUUID(), user).replace("{", "{" + " ".repeat(5000));
        asApp().body(padded).when().post("/v1/sessions")
                .then().statusCode(413).contentType(PROBLEM).body("status", equalTo(413));
        String hugeBatch = "[" + " ".repeat(BodyLimit.BATCH) + "]";
        asApp().body(hugeBatch).when().post("/v1/sessions/batch")
                .then().statusCode(413).contentType(PROBLEM);
        // Above the server-wide cap, which Vert.x enforces before any endpoint sees the request.
        asApp().body(" ".repeat(3 * 1024 * 1024)).when().post("/v1/sessions/batch")
                .then().statusCode(413).contentType(PROBLEM);
    }

    @Test
    void aChunkedBodyWithoutLengthIsRefusedAtTheLimitWith413Problem() throws Exception {
        HttpClient client = Http11.client();
        for (var limit : Map.of("v1/sessions", BodyLimit.ONE_EVENT, "v1/sessions/batch", BodyLimit.BATCH).entrySet()) {
            int size = limit.getValue() + 1;
            // Whitespace inside the opening bracket: the reader must take it all in before it could complain.
            String open = limit.getKey().endsWith("batch") ? "[" : "{";
            byte[] body = (open + " ".repeat(size)).getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(URI.create(root + limit.getKey()))
                    .header("X-API-Key", Requests.APP_KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                    .build();
            HttpResponse<String> response = Http11.send(client, request, HttpResponse.BodyHandlers.ofString(),
                    Duration.ofSeconds(60));
            assertEquals(413, response.statusCode(), size + ": " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM),
                    size + ": " + response.headers().map() + response.body());
        }
    }
}
