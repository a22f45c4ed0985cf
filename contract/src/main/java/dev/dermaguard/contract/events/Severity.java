package dev.dermaguard.contract.events;

/** Ordered from mild to urgent; {@code MODERATE} and above become alerts. */
public enum Severity {
    LOW, MODERATE, HIGH, CRITICAL;

    public boolean alerts() {
        return compareTo(MODERATE) >= 0;
    }

    /** One step up for aggravating factors, never into {@code CRITICAL}, which is kept for infection signs. */
    public Severity raisedOneStepBelowCritical() {
        return this == LOW ? MODERATE : this == MODERATE ? HIGH : this;
    }
}
