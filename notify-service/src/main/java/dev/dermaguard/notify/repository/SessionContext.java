package dev.dermaguard.notify.repository;

import java.util.function.Supplier;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Hibernate Reactive sessions live on a Vert.x duplicated context marked safe, as Quarkus gives every request and
 * consumer. A timer, a LISTEN notification or a test thread has none: {@link #run} subscribes work that opens a
 * session ({@code Panache.withSession} or {@code withTransaction}) on a context of its own, which shares nothing
 * with the caller's, on the caller's event loop where it has one. {@code work} is called there too: Panache binds
 * a session to the context it is called on, not the one it is subscribed on.
 */
public final class SessionContext {

    private SessionContext() {
    }

    public static <T> Uni<T> run(Vertx vertx, Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context current = Vertx.currentContext();
            Context own = VertxContext.createNewDuplicatedContext(current == null ? vertx.getOrCreateContext() : current);
            VertxContextSafetyToggle.setContextSafe(own, true);
            own.runOnContext(ignored -> work.get().subscribe().with(emitter::complete, emitter::fail));
        });
    }
}
