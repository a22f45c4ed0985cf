package dev.dermaguard.risk.repository;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.contract.events.Area;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.contract.events.Setting;
import dev.dermaguard.contract.events.SkinType;
import dev.dermaguard.persistence.NativeSql;
import dev.dermaguard.risk.rules.PastSession;

/**
 * The history queries of the rules ({@link HistoryQueries}). Each one is a range scan on (app, user[, area],
 * time) bounded by a single neighbour, a fixed window or a capped count, never a load of the whole history.
 */
@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<NeedlingSession, EventKey> {

    /** Where on one user's timeline a query looks: an area (or none) and a moment. */
    public record Point(String appId, String userId, Area area, OffsetDateTime at) {

        static final OffsetDateTime END_OF_TIME = OffsetDateTime.parse("9999-12-31T00:00:00Z");

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

    /**
     * What the session rules read about a stored session ({@link HistoryQueries#SESSION_HISTORY}).
     *
     * @param checkInsAfter whether check-ins on the area follow the session before its next session
     * @param latestSkinType the user's latest reported skin type up to the session, read only when asked for
     * @param standing the rules among those asked for with a check-in finding standing at the session
     * @param sessionFindingsOpen whether a finding of the session rules stands on the area
     */
    public record SessionHistory(Optional<PastSession> previousOnArea, Optional<PastSession> nextOnArea,
            boolean checkInsAfter, List<PastSession> onAreaAround, List<PastSession> anyAreaAround,
            Optional<SkinType> latestSkinType, Set<RuleName> standing, long shallowHomeSessions,
            boolean sessionFindingsOpen) {
    }

    /** What a check-in is judged against: the session it follows and the skin type to judge by. */
    public record CheckInHistory(Optional<PastSession> followed, Optional<SkinType> skinType) {
    }

    /** The windows and thresholds a {@link SessionHistory} is read with. */
    public record Reach(Duration onArea, Duration anyArea, Collection<RuleName> standing, BigDecimal shallowDepth,
            int shallowCap, Collection<RuleName> sessionRules) {
    }

    private final ObjectMapper json;

    public SessionRepository(ObjectMapper json) {
        this.json = json;
    }

    /** One round trip: the history around the stored session {@code id} at the point. */
    public Uni<SessionHistory> history(Point p, UUID id, boolean needSkinType, Reach reach) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("at", utc(p.instant()));
        parameters.put("id", id);
        parameters.put("end", utc(Point.END_OF_TIME.toInstant()));
        parameters.put("areafrom", utc(p.instant().minus(reach.onArea())));
        parameters.put("areato", utc(p.instant().plus(reach.onArea())));
        parameters.put("dayfrom", utc(p.instant().minus(reach.anyArea())));
        parameters.put("dayto", utc(p.instant().plus(reach.anyArea())));
        parameters.put("needskin", needSkinType);
        parameters.put("rules", reach.standing().stream().map(Enum::name).toList());
        parameters.put("beginning", CheckInRepository.BEGINNING);
        parameters.put("depth", reach.shallowDepth());
        parameters.put("cap", reach.shallowCap());
        parameters.put("sessionrules", reach.sessionRules().stream().map(Enum::name).toList());
        return NativeSql.<Object[]>rows(HistoryQueries.SESSION_HISTORY, onArea(p, parameters)).map(rows -> {
            Object[] row = rows.get(0);
            return new SessionHistory(one(row[0]), one(row[1]), (Boolean) row[2], many(row[3]), many(row[4]),
                    Optional.ofNullable((String) row[5]).map(SkinType::valueOf),
                    row[6] == null ? Set.of() : Arrays.stream(((String) row[6]).split(",")).map(RuleName::valueOf)
                            .collect(Collectors.toUnmodifiableSet()),
                    ((Number) row[7]).longValue(), (Boolean) row[8]);
        });
    }

    /** One round trip: what the check-in {@code id} at the point is judged against. */
    public Uni<CheckInHistory> checkInHistory(Point p, UUID id) {
        return NativeSql.<Object[]>rows(HistoryQueries.CHECK_IN_HISTORY, onArea(p, Map.of("at", utc(p.instant()),
                "id", id))).map(rows -> new CheckInHistory(one(rows.get(0)[0]),
                        Optional.ofNullable((String) rows.get(0)[1]).map(SkinType::valueOf)));
    }

    /** The user's latest session on every area that has one. */
    public Uni<List<PastSession>> latestOnEachArea(String appId, String userId) {
        return sessions(HistoryQueries.LATEST_ON_EACH_AREA, Map.of("app", appId, "user", userId,
                "areas", Arrays.stream(Area.values()).map(Enum::name).toArray(String[]::new)));
    }

    public Uni<Optional<PastSession>> nextOnArea(Point p) {
        return one(sessions(HistoryQueries.NEXT_ON_AREA, onArea(p, Map.of("at", utc(p.instant())))));
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

    private Optional<PastSession> one(Object column) {
        return column == null ? Optional.empty() : Optional.of(past(read((String) column)));
    }

    private List<PastSession> many(Object column) {
        if (column == null) {
            return List.of();
        }
        List<PastSession> found = new ArrayList<>();
        read((String) column).forEach(node -> found.add(past(node)));
        return found;
    }

    private JsonNode read(String column) {
        try {
            return json.readTree(column);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history query returned no JSON", e);
        }
    }

    /** The fields of HistoryQueries' PAST_SESSION. */
    private static PastSession past(JsonNode n) {
        JsonNode setting = n.get("setting");
        JsonNode skin = n.get("skin");
        return new PastSession(UUID.fromString(n.get("id").asText()), Instant.parse(n.get("at").asText())
                .atOffset(ZoneOffset.ofTotalSeconds(n.get("offset").asInt())), Area.valueOf(n.get("area").asText()),
                new BigDecimal(n.get("depth").asText()), setting.isNull() ? null : Setting.valueOf(setting.asText()),
                skin.isNull() ? null : SkinType.valueOf(skin.asText()));
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
