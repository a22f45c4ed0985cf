package dev.dermaguard.risk.rules;

import java.math.BigDecimal;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.contract.events.Area;
import dev.dermaguard.risk.config.RuleConfig;

/** How long an area needs to heal after a session at a given depth (DESIGN.md, HEALING_GAP). */
@ApplicationScoped
public class HealingIntervals {

    private final RuleConfig.HealingIntervals config;

    public HealingIntervals(RuleConfig config) {
        this.config = config.healingInterval();
    }

    public Duration of(BigDecimal depthMm, Area area) {
        RuleConfig.Scalp scalp = config.scalp();
        if (area == Area.SCALP && depthMm.compareTo(scalp.aboveDepthMm()) > 0
                && depthMm.compareTo(scalp.maxDepthMm()) <= 0) {
            return scalp.interval();
        }
        for (RuleConfig.Tier tier : new RuleConfig.Tier[] {config.shallow(), config.light(), config.medium(),
                config.deep()}) {
            if (depthMm.compareTo(tier.maxDepthMm()) <= 0) {
                return tier.interval();
            }
        }
        return config.deeper();
    }

    /** Two sessions on one area: the deeper one sets how long the skin needs. */
    public Duration between(PastSession earlier, PastSession later) {
        return of(earlier.needleDepthMm().max(later.needleDepthMm()), later.area());
    }
}
