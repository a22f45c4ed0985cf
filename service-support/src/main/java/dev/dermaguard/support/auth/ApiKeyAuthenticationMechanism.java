package dev.dermaguard.support.auth;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import dev.dermaguard.support.problem.Problem;

/**
 * Reads the {@code X-API-Key} header. Without a key the request is anonymous, which every endpoint refuses with 401
 * (see {@link AuthProblems}); a key is resolved by {@link ApiKeyIdentityProvider}.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String HEADER = "X-API-Key";

    private final ObjectMapper json;

    public ApiKeyAuthenticationMechanism(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String presented = context.request().getHeader(HEADER);
        if (presented == null || presented.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return identities.authenticate(new ApiKeyAuthenticationRequest(presented));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401));
    }

    /**
     * The 401 of a path that a permission protects ({@code quarkus.http.auth.permission.*}, the API reference): the
     * same problem as {@link AuthProblems} gives on the endpoints, which refuse in their own exception mappers.
     */
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        String presented = context.request().getHeader(HEADER);
        Problem problem = Problem.of(Response.Status.UNAUTHORIZED,
                presented == null || presented.isBlank() ? AuthProblems.MISSING_KEY : AuthProblems.UNKNOWN_KEY);
        if (!context.response().headWritten()) {
            context.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(write(problem));
        }
        return Uni.createFrom().item(true);
    }

    private String write(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a problem", e);
        }
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.OTHER_HEADER, HEADER));
    }
}
