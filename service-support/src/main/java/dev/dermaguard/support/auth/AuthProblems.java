package dev.dermaguard.support.auth;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

import dev.dermaguard.support.problem.Problem;

/**
 * Quarkus Security's refusals as problems: no key 401, an unknown key 401, a key without a role the endpoint admits
 * 403 saying which keys it is for. The presented key is never echoed.
 */
public class AuthProblems {

    static final String MISSING_KEY = "Missing API key: send it in the " + ApiKeyAuthenticationMechanism.HEADER + " header";
    static final String UNKNOWN_KEY = "Unknown API key";

    @ServerExceptionMapper
    public Response anonymous(UnauthorizedException e) {
        return Problem.of(Response.Status.UNAUTHORIZED, MISSING_KEY).toResponse();
    }

    @ServerExceptionMapper
    public Response unknownKey(AuthenticationFailedException e) {
        return Problem.of(Response.Status.UNAUTHORIZED, UNKNOWN_KEY).toResponse();
    }

    @ServerExceptionMapper
    public Response wrongRole(ForbiddenException e, ResourceInfo resource) {
        RolesAllowed admitted = admittedRoles(resource);
        return Problem.of(Response.Status.FORBIDDEN, admitted == null || admitted.value().length == 0
                ? "This endpoint admits no key"
                : "This endpoint is for " + Arrays.stream(admitted.value()).collect(Collectors.joining(" or "))
                        + " keys").toResponse();
    }

    private static RolesAllowed admittedRoles(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return null;
        }
        RolesAllowed onMethod = method.getAnnotation(RolesAllowed.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(RolesAllowed.class);
    }
}
