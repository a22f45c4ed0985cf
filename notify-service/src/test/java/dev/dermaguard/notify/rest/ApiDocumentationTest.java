package dev.dermaguard.notify.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.dermaguard.notify.NotifyInfrastructure;
import dev.dermaguard.testsupport.ApiReference;

/** What an integrator generates a client from, served to operators only. */
@QuarkusTest
@NotifyInfrastructure
class ApiDocumentationTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void everyOperationDeclaresTheKeySchemeExamplesAndEveryError() {
        assertEquals(List.of(), ApiReference.gaps(root));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/openapi", "/q/swagger-ui/", "/q/asyncapi", "/q/asyncapi/schemas/alert-raised.schema.json"})
    void theApiReferenceIsForOperators(String target) {
        assertEquals(List.of(), ApiReference.operatorsOnly(root, target));
    }
}
