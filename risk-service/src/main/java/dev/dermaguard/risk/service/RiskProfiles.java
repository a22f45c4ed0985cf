package dev.dermaguard.risk.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.contract.events.Area;
import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.contract.events.RiskAssessed;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.support.kafka.EventCodec;
import dev.dermaguard.risk.repository.Assessment;
import dev.dermaguard.risk.repository.OpenRisks;
import dev.dermaguard.risk.repository.SessionRepository;
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

    /** Where a user stands: only the areas with a session or an open finding. */
    public record Standing(String userId, String ruleSetVersion, List<AreaStanding> areas) {
    }

    /**
     * @param nextSafeSessionAt when the area has healed from its last session at the depth used
     * @param waitForAllClear the open findings that make any session unsafe until a check-in reports all clear
     */
    public record AreaStanding(Area area, Optional<PastSession> lastSession, List<Risk> openRisks,
            Optional<Instant> nextSafeSessionAt, List<RuleName> waitForAllClear) {
    }

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
    public Uni<Optional<Standing>> profile(String appId, String userId) {
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

    private Standing profile(String userId, Map<Area, PastSession> last, List<OpenRisks.OnArea> open) {
        List<AreaStanding> areas = new ArrayList<>();
        for (Area area : Area.values()) {
            Optional<PastSession> session = Optional.ofNullable(last.get(area));
            List<Risk> risks = open.stream().filter(o -> o.area() == area).map(OpenRisks.OnArea::risk).toList();
            if (session.isEmpty() && risks.isEmpty()) {
                continue;
            }
            List<RuleName> blocking = risks.stream().map(Risk::rule)
                    .filter(NeedlingInflamedSkinRule.UNHEALED::contains).toList();
            areas.add(new AreaStanding(area, session, risks, session.map(s -> s.performedAt().toInstant()
                    .plus(intervals.of(s.needleDepthMm(), area))), blocking));
        }
        return new Standing(userId, rules.version(), areas);
    }
}
