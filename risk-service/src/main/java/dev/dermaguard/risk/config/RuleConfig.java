package dev.dermaguard.risk.config;

import java.math.BigDecimal;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Every threshold of the rule set, with DESIGN.md's defaults (README lists each with its source and how strong
 * its evidence is). A bad value stops the service at start with a message naming the key.
 */
@ConfigMapping(prefix = "dermaguard.rules")
public interface RuleConfig {

    /** Goes into every assessment, so a finding can be traced to the rules that made it. */
    @WithDefault("1")
    String ruleSetVersion();

    // Named explicitly: validation messages would otherwise spell the group in camelCase, not as the key.
    @WithName("healing-interval")
    HealingIntervals healingInterval();

    Overuse overuse();

    @WithName("depth-above-home-limit")
    DepthAboveHomeLimit depthAboveHomeLimit();

    @WithName("prolonged-inflammation")
    ProlongedInflammation prolongedInflammation();

    @WithName("infection-signs")
    InfectionSigns infectionSigns();

    Pigmentation pigmentation();

    @WithName("technique-damage")
    TechniqueDamage techniqueDamage();

    @WithName("device-hygiene")
    DeviceHygiene deviceHygiene();

    @WithName("ineffective-for-goal")
    IneffectiveForGoal ineffectiveForGoal();

    /** How long skin needs after a session, by needle depth (the deeper, the longer). */
    interface HealingIntervals {

        Shallow shallow();

        Light light();

        Medium medium();

        Deep deep();

        /** Anything deeper than the deep tier. */
        @WithDefault("42d")
        @DurationMin(hours = 1)
        Duration deeper();

        /** The scalp heals faster than the face: one interval over a band of depths. */
        Scalp scalp();
    }

    /** Sessions up to this depth need this long; each tier below gives DESIGN.md's values as its defaults. */
    interface Tier {
        @DecimalMin("0.1")
        @DecimalMax("3.0")
        BigDecimal maxDepthMm();

        @DurationMin(hours = 1)
        Duration interval();
    }

    interface Shallow extends Tier {
        @Override @WithDefault("0.25") BigDecimal maxDepthMm();

        @Override @WithDefault("48h") Duration interval();
    }

    interface Light extends Tier {
        @Override @WithDefault("0.5") BigDecimal maxDepthMm();

        @Override @WithDefault("7d") Duration interval();
    }

    interface Medium extends Tier {
        @Override @WithDefault("1.0") BigDecimal maxDepthMm();

        @Override @WithDefault("21d") Duration interval();
    }

    interface Deep extends Tier {
        @Override @WithDefault("1.5") BigDecimal maxDepthMm();

        @Override @WithDefault("28d") Duration interval();
    }

    interface Scalp {
        /** Exclusive: sessions at this depth or shallower use the ordinary tiers. */
        @WithDefault("0.25")
        BigDecimal aboveDepthMm();

        @WithDefault("1.5")
        BigDecimal maxDepthMm();

        @WithDefault("7d")
        @DurationMin(hours = 1)
        Duration interval();
    }

    interface Overuse {
        @WithDefault("30d")
        @DurationMin(days = 1)
        Duration window();

        /** Healing time of the window's sessions (all but the latest) at which the skin is overused. */
        @WithDefault("30d")
        @DurationMin(hours = 1)
        Duration healingInWindow();

        @WithDefault("60d")
        @DurationMin(hours = 1)
        Duration healingInWindowHigh();

        @WithDefault("7d")
        @DurationMin(days = 1)
        Duration daysWindow();

        /** More distinct needling days than this within {@link #daysWindow()}, across all areas, is overuse. */
        @WithDefault("4")
        @Min(1)
        int maxDaysInWindow();
    }

    /** Home sessions deeper than these are LOW, MODERATE and HIGH; under the eyes the skin is thinner. */
    interface DepthAboveHomeLimit {
        @WithDefault("0.25")
        @DecimalMin("0.1")
        BigDecimal lowAboveMm();

        @WithDefault("0.5")
        @DecimalMin("0.1")
        BigDecimal moderateAboveMm();

        @WithDefault("1.0")
        @DecimalMin("0.1")
        BigDecimal highAboveMm();

        @WithDefault("0.3")
        @DecimalMin("0.1")
        BigDecimal underEyesHighAboveMm();
    }

    /** Normal recovery by the depth of the last session: redness and swelling past it are prolonged. */
    interface ProlongedInflammation {
        @WithDefault("0.5")
        @DecimalMin("0.1")
        BigDecimal shallowMaxDepthMm();

        @WithDefault("72h")
        @DurationMin(hours = 1)
        Duration shallowRecovery();

        @WithDefault("1.5")
        @DecimalMin("0.1")
        BigDecimal mediumMaxDepthMm();

        @WithDefault("5d")
        @DurationMin(hours = 1)
        Duration mediumRecovery();

        @WithDefault("7d")
        @DurationMin(hours = 1)
        Duration deeperRecovery();

        /** Past this long after the session it is HIGH, whatever the depth. */
        @WithDefault("7d")
        @DurationMin(hours = 1)
        Duration highAfter();
    }

    interface InfectionSigns {
        @WithDefault("14d")
        @DurationMin(days = 1)
        Duration window();
    }

    interface Pigmentation {
        @WithDefault("60d")
        @DurationMin(days = 1)
        Duration window();
    }

    interface TechniqueDamage {
        @WithDefault("7d")
        @DurationMin(days = 1)
        Duration window();

        /** Bleeding after a session this shallow means too much pressure or the wrong movement. */
        @WithDefault("0.5")
        @DecimalMin("0.1")
        BigDecimal bleedingMaxDepthMm();
    }

    interface DeviceHygiene {
        @WithDefault("15")
        @Min(1)
        int maxUses();
    }

    interface IneffectiveForGoal {
        @WithDefault("6")
        @Min(1)
        int minSessions();

        @WithDefault("0.25")
        @DecimalMin("0.1")
        BigDecimal maxDepthMm();
    }
}
