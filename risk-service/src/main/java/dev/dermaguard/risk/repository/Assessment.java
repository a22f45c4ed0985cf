package dev.dermaguard.risk.repository;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.dermaguard.contract.events.Area;

/** A published assessment, kept for the read side (written by AssessmentPublisher). */
@Entity
@Table(name = "assessment")
public class Assessment extends PanacheEntityBase {

    @Id
    @Column(name = "assessment_id")
    public UUID assessmentId;

    @Column(name = "source_event_id")
    public UUID sourceEventId;

    @Column(name = "app_id")
    public String appId;

    @Column(name = "user_id")
    public String userId;

    @Enumerated(EnumType.STRING)
    public Area area;

    @Column(name = "source_event_at")
    public Instant sourceEventAt;

    @Column(name = "assessed_at")
    public Instant assessedAt;

    @Column(name = "rule_set_version")
    public String ruleSetVersion;

    public String payload;
}
