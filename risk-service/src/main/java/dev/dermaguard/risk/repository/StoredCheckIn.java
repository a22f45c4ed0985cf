package dev.dermaguard.risk.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import dev.dermaguard.contract.events.Area;
import dev.dermaguard.contract.events.Symptom;
import dev.dermaguard.contract.events.SymptomCheckIn;

/** A stored symptom check-in; its app and event id are the key, so a redelivered check-in cannot be stored twice. */
@Entity
@Table(name = "symptom_check_in")
@IdClass(EventKey.class)
public class StoredCheckIn extends PanacheEntityBase {

    @Id
    @Column(name = "app_id")
    public String appId;

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "user_id")
    public String userId;

    @Enumerated(EnumType.STRING)
    public Area area;

    @Column(name = "reported_at")
    public Instant reportedAt;

    @Column(name = "utc_offset_seconds")
    public int utcOffsetSeconds;

    public String symptoms;

    public static StoredCheckIn of(SymptomCheckIn event) {
        StoredCheckIn c = new StoredCheckIn();
        c.eventId = event.eventId();
        c.appId = event.appId();
        c.userId = event.userId();
        c.area = event.area();
        c.reportedAt = event.reportedAt().toInstant();
        c.utcOffsetSeconds = event.reportedAt().getOffset().getTotalSeconds();
        c.symptoms = event.symptoms() == null ? ""
                : event.symptoms().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        return c;
    }

    /** The event as it was posted, to judge it again. */
    public SymptomCheckIn asEvent() {
        return new SymptomCheckIn(eventId, appId, userId,
                reportedAt.atOffset(ZoneOffset.ofTotalSeconds(utcOffsetSeconds)), area,
                symptoms.isEmpty() ? Set.of() : Arrays.stream(symptoms.split(","))
                        .map(Symptom::valueOf).collect(Collectors.toSet()));
    }
}
