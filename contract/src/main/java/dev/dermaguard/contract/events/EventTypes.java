package dev.dermaguard.contract.events;

/** CloudEvents {@code ce_type} values; the version suffix changes only with an incompatible payload. */
public final class EventTypes {

    public static final String SESSION_LOGGED = "dermaguard.session.logged.v1";
    public static final String CHECKIN_REPORTED = "dermaguard.checkin.reported.v1";
    public static final String CONSENT_CHANGED = "dermaguard.consent.changed.v1";
    public static final String RISK_ASSESSED = "dermaguard.risk.assessed.v1";
    public static final String ALERT_RAISED = "dermaguard.alert.raised.v1";

    private EventTypes() {
    }
}
