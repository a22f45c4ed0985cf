package dev.dermaguard.contract.events;

/** Who performed the session: a {@code CLINIC} session is history, never a finding of its own. */
public enum Setting {
    HOME, CLINIC
}
