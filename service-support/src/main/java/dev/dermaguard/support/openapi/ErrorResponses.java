package dev.dermaguard.support.openapi;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Gives every operation the API key requirement and the problems any endpoint of ours can answer with: every
 * endpoint takes a key (401, 403) and answers JSON (406); one that takes parameters or a body validates them (400);
 * one that takes a body limits and types it (413, 415). An operation's own answer for a status wins. Shared responses
 * that no operation refers to are dropped, so each service's document lists only its own.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ErrorResponses implements OASFilter {

    private static final String RESPONSES = "#/components/responses/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getComponents() == null || openAPI.getComponents().getResponses() == null) {
            return; // not a document of ours
        }
        Set<String> referred = new HashSet<>();
        openAPI.getPaths().getPathItems().values().stream()
                .flatMap(path -> path.getOperations().values().stream())
                .forEach(operation -> referred.addAll(complete(operation)));
        Map<String, APIResponse> used = new LinkedHashMap<>(openAPI.getComponents().getResponses());
        used.keySet().retainAll(referred);
        openAPI.getComponents().setResponses(used);
    }

    /** Adds what the operation lacks; answers the shared responses it then refers to. */
    private static Set<String> complete(Operation operation) {
        operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(ApiDocument.API_KEY)));
        boolean body = operation.getRequestBody() != null;
        boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        Map<String, String> errors = new LinkedHashMap<>();
        if (body || parameters) {
            errors.put("400", ApiDocument.BAD_REQUEST);
        }
        errors.put("401", ApiDocument.UNAUTHORIZED);
        errors.put("403", ApiDocument.FORBIDDEN);
        errors.put("406", ApiDocument.NOT_ACCEPTABLE);
        if (body) {
            errors.put("413", ApiDocument.TOO_LARGE);
            errors.put("415", ApiDocument.UNSUPPORTED_TYPE);
        }
        errors.forEach((status, name) -> {
            if (operation.getResponses().getAPIResponse(status) == null) {
                operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().ref(RESPONSES + name));
            }
        });
        Set<String> referred = new HashSet<>();
        for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
            if (response.getRef() != null && response.getRef().startsWith(RESPONSES)) {
                referred.add(response.getRef().substring(RESPONSES.length()));
            }
        }
        return referred;
    }
}
