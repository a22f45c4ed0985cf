package dev.dermaguard.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.contract.events.Area;
import dev.dermaguard.contract.events.Device;
import dev.dermaguard.contract.events.EventTypes;
import dev.dermaguard.contract.events.SessionLogged;
import dev.dermaguard.contract.events.SymptomCheckIn;
import dev.dermaguard.contract.kafka.CloudEventHeaders;
import dev.dermaguard.support.kafka.EventCodec;
import dev.dermaguard.contract.kafka.RecordKeys;
import dev.dermaguard.testsupport.TopicClient;

/** Sessions and check-ins written to {@code microneedling.events} as intake writes them: key, value and headers. */
@ApplicationScoped
public class EventsTopic {

    private final TopicClient topics;
    private final EventCodec codec;

    public EventsTopic(TopicClient topics, EventCodec codec) {
        this.topics = topics;
        this.codec = codec;
    }

    /** A roller session with none of the optional fields. */
    public static SessionLogged session(String appId, String userId, OffsetDateTime at, Area area, String depthMm) {
        return new SessionLogged(UUID.randomUUID(), appId, userId, at, area, new BigDecimal(depthMm), Device.ROLLER,
                null, null, null, null, null, null);
    }

    public void publish(SessionLogged session) {
        send(session.appId(), session.userId(), session.eventId(), EventTypes.SESSION_LOGGED, session);
    }

    public void publish(SymptomCheckIn checkIn) {
        send(checkIn.appId(), checkIn.userId(), checkIn.eventId(), EventTypes.CHECKIN_REPORTED, checkIn);
    }

    private void send(String appId, String userId, UUID eventId, String type, Object event) {
        topics.send(Topics.EVENTS, RecordKeys.of(appId, userId), codec.write(event),
                CloudEventHeaders.of(eventId, type, CloudEventHeaders.appSource(appId), Instant.now()));
    }
}
