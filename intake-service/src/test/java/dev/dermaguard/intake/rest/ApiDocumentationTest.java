package dev.dermaguard.intake.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.dermaguard.intake.IntakeInfrastructure;
import dev.dermaguard.testsupport.ApiReference;
import dev.dermaguard.testsupport.fuzz.DevKeys;

/** What an integrator reads: every endpoint documented with examples and every error, the key scheme, Swagger UI. */
@QuarkusTest
@IntakeInfrastructure
class ApiDocumentationTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void everyEndpointHasADescriptionAnExampleAndEveryErrorResponse() {
        assertEquals(List.of(), ApiReference.gaps(root));
        String document = given().header("X-API-Key", DevKeys.OPERATOR).queryParam("format", "json")
                .when().get("/q/openapi").then().statusCode(200).extract().asString();

        JsonPath api = new JsonPath(document);
        assertEquals("DermaGuard intake API", api.getString("info.title"));
        for (String path : List.of("/v1/sessions", "/v1/check-ins", "/v1/consents")) {
            assertNotNull(api.getMap("paths.'" + path + "'.post.responses.'503'"), path + " documents 503");
        }
        assertNotNull(api.getMap("components.responses.Unavailable.headers.Retry-After"));
        // Composed constraints (@UserId, @ClinicId) do not reach the document by themselves.
        api.setRootPath("components.schemas");
        for (String schema : List.of("SessionLogged", "SymptomCheckIn", "ConsentChanged")) {
            assertEquals("[A-Za-z0-9._-]{1,64}", api.getString(schema + ".properties.userId.pattern"), schema);
        }
        assertEquals("[a-z0-9-]{1,48}", api.getString("ConsentChanged.properties.clinicId.pattern"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/openapi", "/q/openapi.json", "/q/openapi.yaml", "/q/swagger-ui/", "/q/swagger-ui/index.html",
            "/q/asyncapi/asyncapi.yaml", "/q/asyncapi/schemas/session-logged.schema.json"})
    void theApiReferenceIsForOperators(String target) {
        assertEquals(List.of(), ApiReference.operatorsOnly(root, target));
    }
}
