package dev.dermaguard.risk.repository;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.common.events.SessionLogged;
import dev.dermaguard.risk.rules.PastSession;

/**
 * The history queries of the rules. Each one is a range scan on (app, user[, area], time) bounded by a single
 * neighbour or a fixed window, never a load of the whole history.
 */
@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<NeedlingSession, java.util.UUID> {

    public Uni<Optional<PastSession>> previousOnArea(SessionLogged s) {
        return find("appId = :app and userId = :user and area = :area and performedAt <= :at and eventId <> :id "
                + "order by performedAt desc, eventId desc", onArea(s).and("id", s.eventId()))
                .firstResult().map(found -> Optional.ofNullable(found).map(NeedlingSession::asPast));
    }

    public Uni<Optional<PastSession>> nextOnArea(SessionLogged s) {
        return find("appId = :app and userId = :user and area = :area and performedAt > :at "
                + "order by performedAt, eventId", onArea(s))
                .firstResult().map(found -> Optional.ofNullable(found).map(NeedlingSession::asPast));
    }

    /** Sessions on the session's area in {@code (t - reach, t + reach]}, ordered by time. */
    public Uni<List<PastSession>> onAreaAround(SessionLogged s, Duration reach) {
        Instant at = s.performedAt().toInstant();
        return list("appId = :app and userId = :user and area = :area and performedAt > :from and performedAt <= :to "
                + "order by performedAt, eventId", ofUser(s).and("area", s.area()).and("from", at.minus(reach))
                .and("to", at.plus(reach)))
                .map(SessionRepository::asPast);
    }

    /** Sessions on any area in {@code (t - reach, t + reach]}, ordered by time. */
    public Uni<List<PastSession>> anyAreaAround(SessionLogged s, Duration reach) {
        Instant at = s.performedAt().toInstant();
        return list("appId = :app and userId = :user and performedAt > :from and performedAt <= :to "
                + "order by performedAt, eventId", ofUser(s).and("from", at.minus(reach)).and("to", at.plus(reach)))
                .map(SessionRepository::asPast);
    }

    private static Parameters ofUser(SessionLogged s) {
        return Parameters.with("app", s.appId()).and("user", s.userId());
    }

    private static Parameters onArea(SessionLogged s) {
        return ofUser(s).and("area", s.area()).and("at", s.performedAt().toInstant());
    }

    private static List<PastSession> asPast(List<NeedlingSession> sessions) {
        return sessions.stream().map(NeedlingSession::asPast).toList();
    }
}
