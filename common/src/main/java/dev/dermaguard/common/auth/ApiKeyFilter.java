package dev.dermaguard.common.auth;

import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.dermaguard.common.problem.Problem;

/**
 * Authenticates every resource marked {@link RequiresRole}: no or unknown key is 401, a key of another role
 * 403. The key is never logged or echoed.
 */
public class ApiKeyFilter {

    public static final String HEADER = "X-API-Key";

    private final ApiKeys keys;
    private final CurrentCaller currentCaller;

    public ApiKeyFilter(ApiKeys keys, CurrentCaller currentCaller) {
        this.keys = keys;
        this.currentCaller = currentCaller;
    }

    @ServerRequestFilter
    public Optional<Response> authenticate(ContainerRequestContext request, ResourceInfo resource) {
        RequiresRole required = requiredRole(resource);
        if (required == null) {
            return Optional.empty();
        }
        String presented = request.getHeaderString(HEADER);
        if (presented == null || presented.isBlank()) {
            return Optional.of(Problem.of(Response.Status.UNAUTHORIZED,
                    "Missing API key: send it in the " + HEADER + " header").toResponse());
        }
        Optional<Caller> caller = keys.identify(presented);
        if (caller.isEmpty()) {
            return Optional.of(Problem.of(Response.Status.UNAUTHORIZED, "Unknown API key").toResponse());
        }
        if (caller.get().role() != required.value()) {
            return Optional.of(Problem.of(Response.Status.FORBIDDEN,
                    "This endpoint is for " + required.value().name().toLowerCase(java.util.Locale.ROOT)
                            + " keys").toResponse());
        }
        currentCaller.set(caller.get());
        return Optional.empty();
    }

    private static RequiresRole requiredRole(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return null;
        }
        RequiresRole onMethod = resource.getResourceMethod().getAnnotation(RequiresRole.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(RequiresRole.class);
    }
}
