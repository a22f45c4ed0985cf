package dev.dermaguard.risk.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.dermaguard.contract.events.Area;
import dev.dermaguard.contract.events.Device;
import dev.dermaguard.contract.events.Goal;
import dev.dermaguard.contract.events.SkinCondition;
import dev.dermaguard.contract.events.SessionLogged;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.contract.events.Setting;
import dev.dermaguard.contract.events.SkinType;
import dev.dermaguard.contract.events.Symptom;
import dev.dermaguard.contract.events.SymptomCheckIn;
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

    /** A home session with every optional field the app may send. */
    static SessionLogged detailed(OffsetDateTime at, Area area, String depth, SkinType skinType,
            Set<SkinCondition> symptomsBefore, Integer deviceUses, Boolean deviceDisinfected, Goal goal) {
        return new SessionLogged(UUID.randomUUID(), "app", "user", at, area, new BigDecimal(depth), Device.ROLLER,
                null, skinType, symptomsBefore, deviceUses, deviceDisinfected, goal);
    }

    static PastSession past(SessionLogged s) {
        return new PastSession(s.eventId(), s.performedAt(), s.area(), s.needleDepthMm(), s.settingOrHome(),
                s.skinType());
    }

    /**
     * The facts the repository would gather for {@code judged} out of {@code history} (which may include
     * sessions after it): the same neighbours and windows, computed in memory.
     */
    static SessionFacts factsFor(SessionLogged judged, List<SessionLogged> history, RuleConfig config) {
        return factsFor(judged, history, Set.of(), config);
    }

    /** As above, with these check-in findings open on the judged session's area. */
    static SessionFacts factsFor(SessionLogged judged, List<SessionLogged> history, Set<RuleName> openOnArea,
            RuleConfig config) {
        List<PastSession> all = new ArrayList<>(history.stream().map(RuleFixtures::past).toList());
        all.add(past(judged));
        all.sort(Comparator.comparing(PastSession::performedAt).thenComparing(PastSession::eventId));
        OffsetDateTime t = judged.performedAt();
        List<PastSession> sameArea = all.stream().filter(s -> s.area() == judged.area()).toList();
        Optional<PastSession> previous = sameArea.stream()
                .filter(s -> !s.performedAt().isAfter(t) && !s.eventId().equals(judged.eventId()))
                .reduce((a, b) -> b);
        Optional<PastSession> next = sameArea.stream().filter(s -> s.performedAt().isAfter(t)).findFirst();
        List<SessionLogged> upToJudged = new ArrayList<>(history.stream().filter(s -> !s.performedAt().isAfter(t))
                .sorted(Comparator.comparing(SessionLogged::performedAt)).toList());
        upToJudged.add(judged);
        Optional<SkinType> skinType = Optional.ofNullable(judged.skinType()).or(() -> upToJudged.stream()
                .map(SessionLogged::skinType).filter(java.util.Objects::nonNull).reduce((a, b) -> b));
        RuleConfig.IneffectiveForGoal goal = config.ineffectiveForGoal();
        long shallow = Math.min(goal.minSessions(), upToJudged.stream().filter(s -> s.settingOrHome() == Setting.HOME
                && s.needleDepthMm().compareTo(goal.maxDepthMm()) <= 0).count());
        return new SessionFacts(judged, previous, next,
                around(sameArea, t, config.overuse().window()), around(all, t, config.overuse().daysWindow()),
                skinType, openOnArea, shallow);
    }

    /** The facts of a check-in that follows {@code followed} (or no session at all). */
    static CheckInFacts checkInFacts(OffsetDateTime reportedAt, Area area, Optional<SessionLogged> followed,
            Symptom... symptoms) {
        SymptomCheckIn checkIn = new SymptomCheckIn(UUID.randomUUID(), "app", "user", reportedAt, area,
                symptoms.length == 0 ? Set.of() : EnumSet.copyOf(List.of(symptoms)));
        return new CheckInFacts(checkIn, followed.map(RuleFixtures::past),
                followed.map(SessionLogged::skinType));
    }

    private static List<PastSession> around(List<PastSession> sessions, OffsetDateTime t, Duration reach) {
        return sessions.stream()
                .filter(s -> s.performedAt().isAfter(t.minus(reach)) && !s.performedAt().isAfter(t.plus(reach)))
                .toList();
    }
}
