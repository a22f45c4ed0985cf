package dev.dermaguard.risk.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import dev.dermaguard.contract.events.Area;
import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.contract.events.Setting;
import dev.dermaguard.risk.service.RiskProfiles.AreaStanding;
import dev.dermaguard.risk.service.RiskProfiles.Standing;

/**
 * Where a user stands, area by area.
 *
 * @param areas only the areas with a session or an open finding
 */
public record RiskProfile(String userId, String ruleSetVersion, List<AreaProfile> areas) {

    /**
     * @param nextSafeSessionAt the earliest time the area has healed from its last session at the depth used
     * @param waitForAllClear the open findings that make any session unsafe until a check-in reports all clear
     */
    public record AreaProfile(Area area, LastSession lastSession, List<Risk> openRisks, Instant nextSafeSessionAt,
            List<RuleName> waitForAllClear) {
    }

    public record LastSession(UUID eventId, OffsetDateTime performedAt, BigDecimal needleDepthMm, Setting setting) {
    }

    static RiskProfile of(Standing standing) {
        return new RiskProfile(standing.userId(), standing.ruleSetVersion(),
                standing.areas().stream().map(RiskProfile::of).toList());
    }

    private static AreaProfile of(AreaStanding area) {
        LastSession last = area.lastSession().map(session -> new LastSession(session.eventId(),
                session.performedAt(), session.needleDepthMm(), session.setting())).orElse(null);
        return new AreaProfile(area.area(), last, area.openRisks(), area.nextSafeSessionAt().orElse(null),
                area.waitForAllClear());
    }
}
