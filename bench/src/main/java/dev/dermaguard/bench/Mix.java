package dev.dermaguard.bench;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What the n-th event of a load is: its id, the session JSON intake takes, and whether it raises an alert. */
interface Mix {

    record Event(String eventId, String json, boolean alerting) {
    }

    Event event(long n);

    /** A session as intake takes it. */
    static Event session(String userId, OffsetDateTime performedAt, String area, String depthMm, boolean alerting) {
        String eventId = UUID.randomUUID().toString();
        return new Event(eventId, """
                {"eventId":"%s","userId":"%s","performedAt":"%s","area":"%s","needleDepthMm":%s,"device":"ROLLER"}"""
                .formatted(eventId, userId, performedAt, area, depthMm), alerting);
    }

    /**
     * Every event a new user's first home session: one in ten at 0.75 mm (DEPTH_ABOVE_HOME_LIMIT, MODERATE, an
     * alert), the others at 0.25 mm (no finding). Each event's verdict depends on no other, whatever the order.
     */
    static Mix fresh(String userPrefix) {
        OffsetDateTime performedAt = OffsetDateTime.now().minusMinutes(1).withNano(0);
        return n -> {
            boolean alerting = n % 10 == 0;
            return session(userPrefix + n, performedAt, "CHEEKS", alerting ? "0.75" : "0.25", alerting);
        };
    }
}
