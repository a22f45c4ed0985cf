package dev.dermaguard.risk.rules;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.contract.events.Evidence;
import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.contract.events.Severity;
import dev.dermaguard.risk.config.RuleConfig;

/**
 * OVERUSE: sustained needling beyond what the skin can heal. On one area, the healing time owed by the sessions
 * of the window (all but the latest) reaches the window's length; across all areas, needling on too many
 * distinct days. A late session is judged in its own window and in the windows of the sessions after it.
 */
@ApplicationScoped
public class OveruseRule implements SessionRule {

    private final HealingIntervals intervals;
    private final RuleConfig.Overuse config;

    public OveruseRule(HealingIntervals intervals, RuleConfig config) {
        this.intervals = intervals;
        this.config = config.overuse();
    }

    @Override
    public List<Risk> evaluate(SessionFacts facts) {
        List<Risk> risks = new ArrayList<>(2);
        worstWindow(facts, facts.onAreaAround(), this::healingOwed).ifPresent(risks::add);
        worstWindow(facts, facts.anyAreaAround(), this::needlingDays).ifPresent(risks::add);
        return risks;
    }

    private interface WindowCheck {
        Optional<Risk> check(List<PastSession> sessionsUpToEnd, PastSession end);
    }

    /** Checks the window ending at this session (if it was at home) and at every later home session. */
    private Optional<Risk> worstWindow(SessionFacts facts, List<PastSession> around, WindowCheck check) {
        PastSession session = facts.asPast();
        List<PastSession> sorted = around.stream()
                .sorted(Comparator.comparing(PastSession::performedAt).thenComparing(PastSession::eventId))
                .toList();
        Optional<Risk> worst = Optional.empty();
        for (int end = 0; end < sorted.size(); end++) {
            PastSession last = sorted.get(end);
            boolean judged = last.eventId().equals(session.eventId())
                    || last.performedAt().isAfter(session.performedAt());
            if (!judged || !last.atHome()) {
                continue;
            }
            Optional<Risk> found = check.check(sorted.subList(0, end + 1), last);
            if (found.isPresent() && (worst.isEmpty()
                    || found.get().severity().compareTo(worst.get().severity()) > 0)) {
                worst = found;
            }
        }
        return worst;
    }

    private Optional<Risk> healingOwed(List<PastSession> upToEnd, PastSession end) {
        List<PastSession> window = within(upToEnd, end.performedAt(), config.window());
        Duration owed = Duration.ZERO;
        for (PastSession s : window.subList(0, window.size() - 1)) {
            owed = owed.plus(intervals.of(s.needleDepthMm(), s.area()));
        }
        if (owed.compareTo(config.healingInWindow()) < 0) {
            return Optional.empty();
        }
        Severity severity = owed.compareTo(config.healingInWindowHigh()) >= 0 ? Severity.HIGH : Severity.MODERATE;
        return Optional.of(new Risk(
                RuleName.OVERUSE,
                severity,
                "Needling the same area more often than it can heal",
                window.size() + " sessions on " + end.area() + " within " + Durations.words(config.window())
                        + " need " + Durations.words(owed) + " of healing between them, more than the window holds.",
                new Evidence(ids(window), owed.toString(), config.healingInWindow().toString()),
                null));
    }

    private Optional<Risk> needlingDays(List<PastSession> upToEnd, PastSession end) {
        List<PastSession> window = within(upToEnd, end.performedAt(), config.daysWindow());
        // Days in the user's own time zone, as the app reported it.
        Set<LocalDate> days = new TreeSet<>();
        window.forEach(s -> days.add(s.performedAt().toLocalDate()));
        if (days.size() <= config.maxDaysInWindow()) {
            return Optional.empty();
        }
        return Optional.of(new Risk(
                RuleName.OVERUSE,
                Severity.MODERATE,
                "Needling on too many days in a week",
                "Sessions on " + days.size() + " different days within " + Durations.words(config.daysWindow())
                        + "; skin needs rest days between sessions (at most " + config.maxDaysInWindow() + ").",
                new Evidence(ids(window), days.size() + " days", config.maxDaysInWindow() + " days"),
                null));
    }

    /** The sessions in the half-open window {@code (end - length, end]}. */
    private static List<PastSession> within(List<PastSession> upToEnd, OffsetDateTime end, Duration length) {
        OffsetDateTime start = end.minus(length);
        return upToEnd.stream().filter(s -> s.performedAt().isAfter(start)).toList();
    }

    private static List<java.util.UUID> ids(List<PastSession> sessions) {
        return sessions.stream().map(PastSession::eventId).toList();
    }
}
