package dev.dermaguard.risk.repository;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.common.events.Area;
import dev.dermaguard.common.events.SkinType;
import dev.dermaguard.outbox.NativeSql;
import dev.dermaguard.risk.rules.PastSession;

/**
 * The history queries of the rules ({@link HistoryQueries}). Each one is a range scan on (app, user[, area],
 * time) bounded by a single neighbour, a fixed window or a capped count, never a load of the whole history.
 */
@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<NeedlingSession, EventKey> {

    /** Where on one user's timeline a query looks: an area (or none) and a moment. */
    public record Point(String appId, String userId, Area area, OffsetDateTime at) {

        private static final OffsetDateTime END_OF_TIME = OffsetDateTime.parse("9999-12-31T00:00:00Z");

        /** After everything the user ever reported on the area: what stands now. */
        public static Point now(String appId, String userId, Area area) {
            return new Point(appId, userId, area, END_OF_TIME);
        }

        /** The same area at another moment. */
        public Point at(OffsetDateTime moment) {
            return new Point(appId, userId, area, moment);
        }

        Instant instant() {
            return at.toInstant();
        }
    }

    /** The latest session on the area at or before the point, other than {@code excluded}. */
    public Uni<Optional<PastSession>> previousOnArea(Point p, UUID excluded) {
        return one(sessions(HistoryQueries.PREVIOUS_ON_AREA, onArea(p, Map.of("at", utc(p.instant()), "id", excluded))));
    }

    public Uni<Optional<PastSession>> nextOnArea(Point p) {
        return one(sessions(HistoryQueries.NEXT_ON_AREA, onArea(p, Map.of("at", utc(p.instant())))));
    }

    /** Sessions on the point's area in {@code (t - reach, t + reach]}, ordered by time. */
    public Uni<List<PastSession>> onAreaAround(Point p, Duration reach) {
        return sessions(HistoryQueries.ON_AREA_AROUND, onArea(p, Map.of("from", utc(p.instant().minus(reach)),
                "to", utc(p.instant().plus(reach)))));
    }

    /** Sessions on any area in {@code (t - reach, t + reach]}, ordered by time. */
    public Uni<List<PastSession>> anyAreaAround(Point p, Duration reach) {
        return sessions(HistoryQueries.ANY_AREA_AROUND, ofUser(p, Map.of("from", utc(p.instant().minus(reach)),
                "to", utc(p.instant().plus(reach)))));
    }

    /** The skin type of the user's latest session at or before the point that reported one. */
    public Uni<Optional<SkinType>> latestSkinType(Point p) {
        return NativeSql.<String>rows(HistoryQueries.LATEST_SKIN_TYPE, ofUser(p, Map.of("at", utc(p.instant()))))
                .map(rows -> rows.stream().findFirst().map(SkinType::valueOf));
    }

    /** Home sessions at or below {@code depth} up to the point, counted no further than {@code cap}. */
    public Uni<Long> shallowHomeSessions(Point p, BigDecimal depth, int cap) {
        return NativeSql.<Number>rows(HistoryQueries.SHALLOW_HOME_SESSIONS, ofUser(p, Map.of("at", utc(p.instant()), "depth", depth,
                "cap", cap)))
                .map(rows -> rows.get(0).longValue());
    }

    /** The sessions on the point's area from the point (included) to {@code until} (excluded), ordered by time. */
    public Uni<List<NeedlingSession>> onAreaFrom(Point p, OffsetDateTime until) {
        return NativeSql.list(HistoryQueries.SESSIONS_FROM, NeedlingSession.class, onArea(p, Map.of(
                "from", utc(p.instant()), "to", utc(until.toInstant()))));
    }

    /** Records what the session's latest judgement found of NEEDLING_INFLAMED_SKIN. */
    public Uni<Void> judgedInflamedSkin(String appId, UUID eventId, boolean found) {
        return NativeSql.update("update needling_session set inflamed_skin = ?1 where app_id = ?2 and event_id = ?3",
                found, appId, eventId).replaceWithVoid();
    }

    private Uni<List<PastSession>> sessions(String sql, Map<String, Object> parameters) {
        return NativeSql.list(sql, NeedlingSession.class, parameters)
                .map(found -> found.stream().map(NeedlingSession::asPast).toList());
    }


    private static Uni<Optional<PastSession>> one(Uni<List<PastSession>> found) {
        return found.map(list -> list.stream().findFirst());
    }

    static Map<String, Object> ofUser(Point p, Map<String, Object> more) {
        Map<String, Object> all = new HashMap<>(more);
        all.put("app", p.appId());
        all.put("user", p.userId());
        return all;
    }

    static Map<String, Object> onArea(Point p, Map<String, Object> more) {
        Map<String, Object> all = ofUser(p, more);
        all.put("area", p.area().name());
        return all;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
