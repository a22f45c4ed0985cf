package dev.dermaguard.risk.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
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
import dev.dermaguard.contract.events.Device;
import dev.dermaguard.contract.events.Goal;
import dev.dermaguard.contract.events.SessionLogged;
import dev.dermaguard.contract.events.Setting;
import dev.dermaguard.contract.events.SkinCondition;
import dev.dermaguard.contract.events.SkinType;
import dev.dermaguard.risk.rules.PastSession;

/** A stored session; its app and event id are the key, so a redelivered session cannot be stored twice. */
@Entity
@Table(name = "needling_session")
@IdClass(EventKey.class)
public class NeedlingSession extends PanacheEntityBase {

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

    @Column(name = "performed_at")
    public Instant performedAt;

    @Column(name = "utc_offset_seconds")
    public int utcOffsetSeconds;

    @Column(name = "needle_depth_mm")
    public BigDecimal needleDepthMm;

    @Enumerated(EnumType.STRING)
    public Device device;

    @Enumerated(EnumType.STRING)
    public Setting setting;

    @Enumerated(EnumType.STRING)
    @Column(name = "skin_type")
    public SkinType skinType;

    @Column(name = "symptoms_before")
    public String symptomsBefore;

    @Column(name = "device_uses")
    public Integer deviceUses;

    @Column(name = "device_disinfected")
    public Boolean deviceDisinfected;

    @Enumerated(EnumType.STRING)
    public Goal goal;

    /** Whether its latest judgement found NEEDLING_INFLAMED_SKIN. */
    @Column(name = "inflamed_skin")
    public boolean inflamedSkin;

    public static NeedlingSession of(SessionLogged event) {
        NeedlingSession s = new NeedlingSession();
        s.eventId = event.eventId();
        s.appId = event.appId();
        s.userId = event.userId();
        s.area = event.area();
        s.performedAt = event.performedAt().toInstant();
        s.utcOffsetSeconds = event.performedAt().getOffset().getTotalSeconds();
        s.needleDepthMm = event.needleDepthMm();
        s.device = event.device();
        s.setting = event.settingOrHome();
        s.skinType = event.skinType();
        s.symptomsBefore = event.symptomsBefore() == null || event.symptomsBefore().isEmpty() ? null
                : event.symptomsBefore().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        s.deviceUses = event.deviceUses();
        s.deviceDisinfected = event.deviceDisinfected();
        s.goal = event.goal();
        return s;
    }

    public OffsetDateTime performedAtLocal() {
        return performedAt.atOffset(ZoneOffset.ofTotalSeconds(utcOffsetSeconds));
    }

    /** The event as it was posted, to judge it again. */
    public SessionLogged asEvent() {
        return new SessionLogged(eventId, appId, userId, performedAtLocal(), area, needleDepthMm, device, setting,
                skinType, symptomsBefore == null ? null : Arrays.stream(symptomsBefore.split(","))
                        .map(SkinCondition::valueOf).collect(Collectors.toSet()),
                deviceUses, deviceDisinfected, goal);
    }

    public PastSession asPast() {
        return new PastSession(eventId, performedAtLocal(), area, needleDepthMm, setting, skinType);
    }
}
