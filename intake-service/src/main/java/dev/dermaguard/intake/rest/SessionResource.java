package dev.dermaguard.intake.rest;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.ResponseStatus;

import dev.dermaguard.common.auth.CurrentCaller;
import dev.dermaguard.common.auth.RequiresRole;
import dev.dermaguard.common.auth.Role;
import dev.dermaguard.common.events.EventTypes;
import dev.dermaguard.intake.service.EventPublisher;

@Path("/v1/sessions")
@RequiresRole(Role.APP)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final EventPublisher publisher;
    private final CurrentCaller caller;

    public SessionResource(EventPublisher publisher, CurrentCaller caller) {
        this.publisher = publisher;
        this.caller = caller;
    }

    @POST
    @ResponseStatus(202)
    public Uni<Accepted> log(@Valid @NotNull SessionRequest session) {
        String appId = caller.appId();
        return publisher.publish(session.eventId(), EventTypes.SESSION_LOGGED, appId, session.userId(),
                        session.toEvent(appId))
                .replaceWith(Accepted.of(session.eventId()));
    }
}
