package dev.dermaguard.risk.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.dermaguard.infra.LocalInfraTestResource;
import dev.dermaguard.testsupport.ApiReference;
import dev.dermaguard.testsupport.fuzz.DevKeys;
import dev.dermaguard.testsupport.fuzz.RoleMatrix;

/** What an integrator generates a client from, served to operators only. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = {@ResourceArg(name = "service", value = "risk-service"),
                @ResourceArg(name = "database", value = "dermaguard_risk")})
class ApiDocumentationTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void everyOperationDeclaresTheKeySchemeExamplesAndEveryError() {
        String document = given().header("X-API-Key", DevKeys.OPERATOR).queryParam("format", "json")
                .when().get("/q/openapi").then().statusCode(200).extract().asString();
        assertEquals(List.of(), ApiReference.gaps(document));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/openapi", "/q/openapi.json", "/q/swagger-ui/", "/q/asyncapi/asyncapi.yaml",
            "/q/asyncapi/schemas/risk-assessed.schema.json"})
    void theApiReferenceIsForOperators(String target) {
        assertEquals(List.of(), new RoleMatrix(root).check("GET", target, null, List.of("operator"),
                RoleMatrix.keysOf("operator")));
    }
}
