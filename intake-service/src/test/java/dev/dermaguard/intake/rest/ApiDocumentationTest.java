package dev.dermaguard.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** What an integrator reads: every endpoint documented with examples and every error, the key scheme, Swagger UI. */
@QuarkusTest
class ApiDocumentationTest {

    @Test
    void everyEndpointHasADescriptionAnExampleAndEveryErrorResponse() {
        JsonPath api = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();

        api.setRootPath("components.securitySchemes.ApiKey");
        assertEquals("apiKey", api.getString("type"));
        assertEquals("X-API-Key", api.getString("name"));
        assertEquals("header", api.getString("in"));

        for (String path : List.of("/v1/sessions", "/v1/sessions/batch", "/v1/check-ins", "/v1/consents")) {
            api.setRootPath("paths.'" + path + "'.post");
            assertNotNull(api.getString("description"), path);
            assertNotNull(
                    api.getMap("requestBody.content.'application/json'.examples"), path + " request example");
            assertNotNull(
                    api.getMap("responses.'202'.content.'application/json'.examples"), path + " 202 example");
            for (String status : List.of("400", "401", "403", "413", "415", "503")) {
                assertNotNull(api.getMap("responses.'" + status + "'"),
                        path + " documents " + status);
            }
        }
        // Composed constraints (@UserId, @ClinicId) do not reach the document by themselves.
        api.setRootPath("components.schemas");
        for (String schema : List.of("SessionLogged", "SymptomCheckIn", "ConsentChanged")) {
            assertEquals("[A-Za-z0-9._-]{1,64}", api.getString(schema + ".properties.userId.pattern"), schema);
        }
        assertEquals("[a-z0-9-]{1,48}", api.getString("ConsentChanged.properties.clinicId.pattern"));
        api.setRootPath("components.responses");
        for (String error : List.of("Invalid", "Unauthorized", "Forbidden", "TooLarge", "UnsupportedType", "Unavailable")) {
            assertNotNull(
                    api.getMap(error + ".content.'application/problem+json'.examples"), error + " example");
        }
        assertNotNull(api.getMap("Unavailable.headers.Retry-After"));
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("DermaGuard intake API"));
    }
}
