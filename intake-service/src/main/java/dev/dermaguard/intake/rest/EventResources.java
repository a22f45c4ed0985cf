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
import dev.dermaguard.intake.service.EventPublisher;

/** The single-event endpoints: each answers 202 once the broker has the event. */
@Path("/v1")
@RequiresRole(Role.APP)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EventResources {

    private final EventPublisher publisher;
    private final CurrentCaller caller;

    public EventResources(EventPublisher publisher, CurrentCaller caller) {
        this.publisher = publisher;
        this.caller = caller;
    }

    @POST
    @Path("/sessions")
    @ResponseStatus(202)
    public Uni<Accepted> logSession(@Valid @NotNull SessionRequest session) {
        return accept(session);
    }

    @POST
    @Path("/check-ins")
    @ResponseStatus(202)
    public Uni<Accepted> reportCheckIn(@Valid @NotNull CheckInRequest checkIn) {
        return accept(checkIn);
    }

    @POST
    @Path("/consents")
    @ResponseStatus(202)
    public Uni<Accepted> changeConsent(@Valid @NotNull ConsentRequest consent) {
        return accept(consent);
    }

    private Uni<Accepted> accept(AppEvent event) {
        String appId = caller.appId();
        return publisher.publish(event.eventId(), event.type(), appId, event.userId(), event.toEvent(appId))
                .replaceWith(Accepted.of(event.eventId()));
    }
}
