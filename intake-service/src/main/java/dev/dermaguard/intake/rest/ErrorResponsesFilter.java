package dev.dermaguard.intake.rest;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;

/** Every intake operation can answer with each error of {@link IntakeApi}; an operation's own answer wins. */
public class ErrorResponsesFilter implements OASFilter {

    private static final Map<String, String> ERRORS = Map.of(
            "400", "Invalid", "401", "Unauthorized", "403", "Forbidden",
            "413", "TooLarge", "415", "UnsupportedType", "503", "Unavailable");

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponse("202") == null) {
            return operation; // not an event endpoint
        }
        ERRORS.forEach((status, name) -> {
            if (operation.getResponses().getAPIResponse(status) == null) {
                operation.getResponses().addAPIResponse(status,
                        OASFactory.createAPIResponse().ref("#/components/responses/" + name));
            }
        });
        return operation;
    }
}
