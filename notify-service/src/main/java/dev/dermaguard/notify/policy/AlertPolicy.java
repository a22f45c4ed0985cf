package dev.dermaguard.notify.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.dermaguard.contract.events.Severity;
import dev.dermaguard.notify.config.AlertingConfig;

/**
 * Decides what one firing of a rule on an area does: raise an alert, fold into the alert already raised, or only
 * be recorded. Pure: the caller supplies the history it read under the (user, rule, area) lock.
 */
@ApplicationScoped
public class AlertPolicy {

    /** An alert already raised for the same (user, rule, area). */
    public record PriorAlert(UUID alertId, Severity severity, Instant firedAt) {
    }

    public sealed interface Decision {
    }

    /** A new alert at {@code severity}. */
    public record Raise(Severity severity, boolean escalated) implements Decision {
    }

    /** Inside the cooldown of {@code alertId} and not more severe: counted there, nothing emitted. */
    public record FoldInto(UUID alertId) implements Decision {
    }

    /** The triggering event is too old to act on: kept for the repeat count only. */
    public record RecordOnly() implements Decision {
    }

    private final Duration cooldown;
    private final Duration repeatWindow;
    private final int repeatsToEscalate;
    private final Duration backfillAge;

    @Inject
    public AlertPolicy(AlertingConfig config) {
        this(config.cooldown(), config.repeatsToEscalate(), config.repeatWindow(), config.backfillAge());
    }

    AlertPolicy(Duration cooldown, int repeatsToEscalate, Duration repeatWindow, Duration backfillAge) {
        this.cooldown = cooldown;
        this.repeatsToEscalate = repeatsToEscalate;
        this.repeatWindow = repeatWindow;
        this.backfillAge = backfillAge;
    }

    /** The firings before {@code firedAt} in this span count towards a repeat (half-open, like the rules). */
    public Instant repeatWindowStart(Instant firedAt) {
        return firedAt.minus(repeatWindow);
    }

    /** Alerts whose reported times lie within the cooldown of {@code firedAt}, on either side (late arrivals). */
    public Instant cooldownStart(Instant firedAt) {
        return firedAt.minus(cooldown);
    }

    public Instant cooldownEnd(Instant firedAt) {
        return firedAt.plus(cooldown);
    }

    /**
     * @param firingsInWindow firings of this rule on this area in {@code (firedAt - window, firedAt]}, this one included
     * @param inCooldown the alerts of this (user, rule, area) with a reported time in the cooldown around {@code firedAt}
     */
    public Decision decide(Severity severity, Instant firedAt, Instant now, int firingsInWindow,
            List<PriorAlert> inCooldown) {
        if (firedAt.isBefore(now.minus(backfillAge))) {
            return new RecordOnly();
        }
        boolean repeated = firingsInWindow >= repeatsToEscalate;
        Severity effective = repeated ? severity.raisedOneStepBelowCritical() : severity;
        // The most severe alert of the cooldown stands for it; among equals the latest one counts the repeats.
        PriorAlert standing = inCooldown.stream()
                .max(Comparator.comparing(PriorAlert::severity).thenComparing(PriorAlert::firedAt))
                .orElse(null);
        if (standing == null) {
            return new Raise(effective, repeated);
        }
        if (effective.compareTo(standing.severity()) > 0) {
            return new Raise(effective, true);
        }
        return new FoldInto(standing.alertId());
    }
}
