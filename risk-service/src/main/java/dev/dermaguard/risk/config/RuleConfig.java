package dev.dermaguard.risk.config;

import java.math.BigDecimal;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

/**
 * Every threshold of the rule set, with DESIGN.md's defaults (README lists each with its source and how strong
 * its evidence is). A bad value stops the service at start with a message naming the key.
 */
@ConfigMapping(prefix = "dermaguard.rules")
public interface RuleConfig {

    /** Goes into every assessment, so a finding can be traced to the rules that made it. */
    @WithDefault("1")
    String ruleSetVersion();

    HealingIntervals healingInterval();

    Overuse overuse();

    /** How long skin needs after a session, by needle depth (the deeper, the longer). */
    interface HealingIntervals {

        Tier shallow();

        Tier light();

        Tier medium();

        Tier deep();

        /** Anything deeper than the deep tier. */
        @WithDefault("42d")
        Duration deeper();

        /** The scalp heals faster than the face: one interval over a band of depths. */
        Scalp scalp();
    }

    interface Tier {
        @DecimalMin("0.1")
        @DecimalMax("3.0")
        BigDecimal maxDepthMm();

        Duration interval();
    }

    interface Scalp {
        /** Exclusive: sessions at this depth or shallower use the ordinary tiers. */
        @WithDefault("0.25")
        BigDecimal aboveDepthMm();

        @WithDefault("1.5")
        BigDecimal maxDepthMm();

        @WithDefault("7d")
        Duration interval();
    }

    interface Overuse {
        @WithDefault("30d")
        Duration window();

        /** Healing time of the window's sessions (all but the latest) at which the skin is overused. */
        @WithDefault("30d")
        Duration healingInWindow();

        @WithDefault("60d")
        Duration healingInWindowHigh();

        @WithDefault("7d")
        Duration daysWindow();

        /** More distinct needling days than this within {@link #daysWindow()}, across all areas, is overuse. */
        @WithDefault("4")
        @Min(1)
        int maxDaysInWindow();
    }
}
