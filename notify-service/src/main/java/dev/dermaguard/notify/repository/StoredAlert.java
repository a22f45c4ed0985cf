package dev.dermaguard.notify.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.dermaguard.contract.events.AlertRaised;
import dev.dermaguard.contract.events.Area;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.contract.events.Severity;

/**
 * An alert as raised, with the time of the event that triggered it (cooldowns run on reported times) and how
 * often the rule fired on that area since, inside its cooldown.
 */
@Entity
@Table(name = "alert")
public class StoredAlert extends PanacheEntityBase {

    @Id
    @Column(name = "alert_id")
    public UUID alertId;

    @Column(name = "app_id")
    public String appId;

    @Column(name = "user_id")
    public String userId;

    @Enumerated(EnumType.STRING)
    public RuleName rule;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    @Enumerated(EnumType.STRING)
    public Area area;

    @Column(name = "assessment_id")
    public UUID assessmentId;

    @Column(name = "source_event_id")
    public UUID sourceEventId;

    @Column(name = "source_event_at")
    public Instant sourceEventAt;

    public boolean escalated;

    /** Firings folded into this alert, itself included. */
    public int occurrences;

    @Column(name = "last_fired_at")
    public Instant lastFiredAt;

    @Column(name = "created_at")
    public Instant createdAt;

    public String payload;

    public static StoredAlert of(AlertRaised alert, OffsetDateTime sourceEventAt, String payload) {
        StoredAlert a = new StoredAlert();
        a.alertId = alert.alertId();
        a.appId = alert.appId();
        a.userId = alert.userId();
        a.rule = alert.rule();
        a.severity = alert.severity();
        a.area = alert.area();
        a.assessmentId = alert.assessmentId();
        a.sourceEventId = alert.sourceEventId();
        a.sourceEventAt = sourceEventAt.toInstant();
        a.escalated = alert.escalated();
        a.occurrences = alert.occurrences();
        a.lastFiredAt = a.sourceEventAt;
        a.createdAt = alert.createdAt();
        a.payload = payload;
        return a;
    }

    /** A later firing inside the cooldown: counted here, nothing emitted. */
    public void foldIn(Instant firedAt) {
        occurrences++;
        if (firedAt.isAfter(lastFiredAt)) {
            lastFiredAt = firedAt;
        }
    }
}
