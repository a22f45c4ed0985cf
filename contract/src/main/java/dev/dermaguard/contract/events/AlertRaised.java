package dev.dermaguard.contract.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.Nullable;

/** A risk that reached a person: on {@code microneedling.alerts}, and per consenting clinic with its id. */
public record AlertRaised(
        UUID alertId,
        String appId,
        String userId,
        @Nullable String clinicId,
        RuleName rule,
        Severity severity,
        Area area,
        String summary,
        String message,
        String detail,
        Evidence evidence,
        UUID sourceEventId,
        UUID assessmentId,
        boolean escalated,
        int occurrences,
        Instant createdAt,
        String ruleSetVersion) {

    public AlertRaised forClinic(String clinic) {
        return new AlertRaised(alertId, appId, userId, clinic, rule, severity, area, summary, message, detail,
                evidence, sourceEventId, assessmentId, escalated, occurrences, createdAt, ruleSetVersion);
    }
}
