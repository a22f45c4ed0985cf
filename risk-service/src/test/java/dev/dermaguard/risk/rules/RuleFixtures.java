package dev.dermaguard.risk.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.dermaguard.common.events.Area;
import dev.dermaguard.common.events.Device;
import dev.dermaguard.common.events.SessionLogged;
import dev.dermaguard.common.events.Setting;
import dev.dermaguard.risk.config.RuleConfig;

/** The rules' configuration as the service ships it, and sessions placed in time for rule tables. */
final class RuleFixtures {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-20T21:00:00Z");

    private RuleFixtures() {
    }

    /** The defaults of application.properties and the mapping, read the way Quarkus reads them. */
    static RuleConfig shippedConfig() {
        try {
            return new SmallRyeConfigBuilder()
                    .withSources(new PropertiesConfigSource(RuleFixtures.class.getResource("/application.properties"), 250))
                    .withConverter(Duration.class, 100, new DurationConverter())
                    .withMapping(RuleConfig.class)
                    .build()
                    .getConfigMapping(RuleConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SessionLogged session(OffsetDateTime at, Area area, String depth, Setting setting) {
        return new SessionLogged(UUID.randomUUID(), "app", "user", at, area, new BigDecimal(depth), Device.ROLLER,
                setting, null, null, null, null, null);
    }

    static SessionLogged home(OffsetDateTime at, Area area, String depth) {
        return session(at, area, depth, null);
    }

    static PastSession past(SessionLogged s) {
        return new PastSession(s.eventId(), s.performedAt(), s.area(), s.needleDepthMm(), s.settingOrHome());
    }

    /**
     * The facts the repository would gather for {@code judged} out of {@code history} (which may include
     * sessions after it): the same neighbours and windows, computed in memory.
     */
    static SessionFacts factsFor(SessionLogged judged, List<SessionLogged> history, RuleConfig config) {
        List<PastSession> all = new ArrayList<>(history.stream().map(RuleFixtures::past).toList());
        all.add(past(judged));
        all.sort(Comparator.comparing(PastSession::performedAt).thenComparing(PastSession::eventId));
        OffsetDateTime t = judged.performedAt();
        List<PastSession> sameArea = all.stream().filter(s -> s.area() == judged.area()).toList();
        Optional<PastSession> previous = sameArea.stream()
                .filter(s -> !s.performedAt().isAfter(t) && !s.eventId().equals(judged.eventId()))
                .reduce((a, b) -> b);
        Optional<PastSession> next = sameArea.stream().filter(s -> s.performedAt().isAfter(t)).findFirst();
        return new SessionFacts(judged, previous, next,
                around(sameArea, t, config.overuse().window()), around(all, t, config.overuse().daysWindow()));
    }

    private static List<PastSession> around(List<PastSession> sessions, OffsetDateTime t, Duration reach) {
        return sessions.stream()
                .filter(s -> s.performedAt().isAfter(t.minus(reach)) && !s.performedAt().isAfter(t.plus(reach)))
                .toList();
    }
}
