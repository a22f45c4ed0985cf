package dev.dermaguard.contract;

import java.util.List;

/** Kafka topic names of the public contract (DESIGN.md, "Events"). */
public final class Topics {

    public static final String EVENTS = "microneedling.events";
    public static final String RISK_ASSESSMENTS = "microneedling.risk-assessments";
    public static final String ALERTS = "microneedling.alerts";
    /** Clinic topics are this prefix plus the clinic id; created when the clinic is onboarded, never by a service. */
    public static final String CLINIC_ALERTS_PREFIX = ALERTS + ".clinic.";

    public static final String DLQ_SUFFIX = ".dlq";

    /** The topics that exist before any event flows: created up front by the local stack and by operators. */
    public static final List<String> ALL = List.of(
            EVENTS, EVENTS + DLQ_SUFFIX,
            RISK_ASSESSMENTS, RISK_ASSESSMENTS + DLQ_SUFFIX,
            ALERTS,
            // The outbox relays' progress topics (<transactional id>.progress): no service creates topics at run time.
            "risk-service-outbox.progress", "notify-service-outbox.progress");

    private Topics() {
    }

    public static String clinicAlerts(String clinicId) {
        return CLINIC_ALERTS_PREFIX + clinicId;
    }

    /**
     * Internal, not part of the contract: where an outbox relay with this transactional id records its committed
     * batches. One partition, compacted; created up front like the others.
     */
    public static String outboxProgress(String transactionalId) {
        return transactionalId + ".progress";
    }
}
