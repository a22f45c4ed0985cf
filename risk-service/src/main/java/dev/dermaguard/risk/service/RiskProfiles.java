package dev.dermaguard.risk.service;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.common.events.Area;
import dev.dermaguard.common.events.Risk;
import dev.dermaguard.common.events.RiskAssessed;
import dev.dermaguard.common.events.RuleName;
import dev.dermaguard.common.kafka.EventCodec;
import dev.dermaguard.risk.repository.Assessment;
import dev.dermaguard.risk.repository.OpenRisks;
import dev.dermaguard.risk.repository.SessionRepository;
import dev.dermaguard.risk.rest.RiskProfile;
import dev.dermaguard.risk.rules.HealingIntervals;
import dev.dermaguard.risk.rules.NeedlingInflamedSkinRule;
import dev.dermaguard.risk.rules.PastSession;
import dev.dermaguard.risk.rules.RuleSet;

/**
 * A user's standing, read from bounded state: per area its latest session (one index probe each, all in one
 * statement) and the open findings (at most areas x rules rows), never the whole history.
 */
@ApplicationScoped
public class RiskProfiles {

    private final SessionRepository sessions;
    private final OpenRisks openRisks;
    private final HealingIntervals intervals;
    private final RuleSet rules;
    private final EventCodec codec;

    public RiskProfiles(SessionRepository sessions, OpenRisks openRisks, HealingIntervals intervals, RuleSet rules,
            EventCodec codec) {
        this.sessions = sessions;
        this.openRisks = openRisks;
        this.intervals = intervals;
        this.rules = rules;
        this.codec = codec;
    }

    /** Empty when the app never posted this user. */
    public Uni<Optional<RiskProfile>> profile(String appId, String userId) {
        return known(appId, userId).flatMap(known -> !known ? Uni.createFrom().item(Optional.empty())
                : lastSessions(appId, userId).flatMap(last -> openRisks.ofUser(appId, userId)
                        .map(open -> Optional.of(profile(userId, last, open)))));
    }

    /** The latest assessments first; empty when the app never posted this user. */
    public Uni<List<RiskAssessed>> assessments(String appId, String userId, int limit) {
        return Assessment.<Assessment>find("appId = ?1 and userId = ?2 order by assessedAt desc, assessmentId",
                appId, userId).page(0, limit).list()
                .map(found -> found.stream().map(a -> codec.read(a.payload, RiskAssessed.class)).toList());
    }

    private Uni<Boolean> known(String appId, String userId) {
        return Assessment.find("appId = ?1 and userId = ?2", appId, userId).firstResult().map(a -> a != null);
    }

    private Uni<Map<Area, PastSession>> lastSessions(String appId, String userId) {
        return sessions.latestOnEachArea(appId, userId).map(found -> {
            Map<Area, PastSession> byArea = new EnumMap<>(Area.class);
            found.forEach(session -> byArea.put(session.area(), session));
            return byArea;
        });
    }

    private RiskProfile profile(String userId, Map<Area, PastSession> last, List<OpenRisks.OnArea> open) {
        List<RiskProfile.AreaProfile> areas = new ArrayList<>();
        for (Area area : Area.values()) {
            PastSession session = last.get(area);
            List<Risk> risks = open.stream().filter(o -> o.area() == area).map(OpenRisks.OnArea::risk).toList();
            if (session == null && risks.isEmpty()) {
                continue;
            }
            List<RuleName> blocking = risks.stream().map(Risk::rule)
                    .filter(NeedlingInflamedSkinRule.UNHEALED::contains).toList();
            areas.add(new RiskProfile.AreaProfile(area,
                    session == null ? null : new RiskProfile.LastSession(session.eventId(), session.performedAt(),
                            session.needleDepthMm(), session.setting()),
                    risks,
                    session == null ? null
                            : session.performedAt().toInstant().plus(intervals.of(session.needleDepthMm(), area)),
                    blocking));
        }
        return new RiskProfile(userId, rules.version(), areas);
    }
}
