package dev.dermaguard.risk.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** A test-only endpoint that names no role, as a new endpoint would if its author forgot: it must be refused. */
@Path("/test-only/unannotated")
public class UnannotatedResource {

    @GET
    @Operation(hidden = true) // not the product's: ApiDocumentationTest holds every documented operation to the contract
    public String open() {
        return "open by accident";
    }
}
