package dev.dermaguard.faults;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Counts what a stream was meant to cause against what the topics show it caused. Events are named
 * {@code appId/eventId} (an event's identity), alerts by their decision {@code appId/userId/rule/area}.
 */
final class Ledger {

    /** What the stream sent and what its users' histories call for. */
    record Plan(long sent, Set<String> accepted, Set<String> expectedAlerts, long poisonInjected) {

        /** Every plan at once, as a replay re-reads them: the poison goes to the dead-letter topics again. */
        static Plan union(List<Plan> plans) {
            Set<String> accepted = new HashSet<>();
            Set<String> alerts = new HashSet<>();
            plans.forEach(plan -> {
                accepted.addAll(plan.accepted());
                alerts.addAll(plan.expectedAlerts());
            });
            return new Plan(plans.stream().mapToLong(Plan::sent).sum(), accepted, alerts,
                    plans.stream().mapToLong(Plan::poisonInjected).sum());
        }
    }

    /** One record on microneedling.risk-assessments: its id is the same for every redelivery of one judgement. */
    record Assessment(String assessmentId, String sourceEvent) {
    }

    /** One alert: on microneedling.alerts, on a clinic's topic, or in a clinic's read of its deliveries. */
    record Alert(String alertId, String decision) {

        static Alert of(JsonNode alert) {
            return new Alert(alert.path("alertId").asText(), alert.path("appId").asText() + "/"
                    + alert.path("userId").asText() + "/" + alert.path("rule").asText() + "/" + alert.path("area").asText());
        }
    }

    /**
     * What the topics hold, read {@code read_committed}, for the stream's users. When they consented to a clinic:
     * what the clinic's read shows delivered to it ({@code clinicDelivered}, else null) and what its topic holds.
     */
    record Observed(Set<String> stored, List<Assessment> assessments, List<Alert> alerts, long deadLettered,
                    List<Alert> clinicDelivered, List<Alert> clinicTopic) {

        Observed(Set<String> stored, List<Assessment> assessments, List<Alert> alerts, long deadLettered) {
            this(stored, assessments, alerts, deadLettered, null, List.of());
        }

        Observed withClinic(List<Alert> delivered, List<Alert> onTopic) {
            return new Observed(stored, assessments, alerts, deadLettered, delivered, onTopic);
        }
    }

    private Ledger() {
    }

    static Tally count(String name, Plan plan, Observed observed, double recoverySeconds) {
        Set<String> assessedEvents = observed.assessments().stream().map(Assessment::sourceEvent)
                .collect(Collectors.toSet());
        Map<String, Long> perJudgement = counts(observed.assessments(), Assessment::assessmentId);
        Map<String, Long> perDecision = counts(observed.alerts(), Alert::decision);
        long neverAssessed = plan.accepted().stream().filter(event -> !assessedEvents.contains(event)).count();
        long alertsMissing = plan.expectedAlerts().stream().filter(decision -> !perDecision.containsKey(decision))
                .count();
        long unexpected = perDecision.keySet().stream().filter(decision -> !plan.expectedAlerts().contains(decision))
                .count();
        long alertsEmitted = perDecision.size() - unexpected;
        // Each alert goes to the clinic once (its read shows every delivery; its topic may lack those sent before
        // it was deleted, never hold one twice).
        Long clinicDelivered = null;
        long clinicDoubled = 0;
        if (observed.clinicDelivered() != null) {
            Map<String, Long> perDelivery = counts(observed.clinicDelivered(), Alert::decision);
            clinicDelivered = plan.expectedAlerts().stream().filter(perDelivery::containsKey).count();
            clinicDoubled = extra(perDelivery) + extra(counts(observed.clinicTopic(), Alert::alertId));
        }
        return new Tally(name, plan.sent(), plan.accepted().size(),
                plan.accepted().stream().filter(observed.stored()::contains).count(),
                plan.accepted().size() - neverAssessed, plan.expectedAlerts().size(), alertsEmitted,
                neverAssessed + alertsMissing, extra(perJudgement) + extra(perDecision) + clinicDoubled, unexpected,
                observed.deadLettered(), plan.poisonInjected(), recoverySeconds, null, null, null, null,
                clinicDelivered);
    }

    private static <T> Map<String, Long> counts(List<T> records, Function<T, String> key) {
        return records.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    /** Every record past the first of its key: a second effect. */
    private static long extra(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(n -> n - 1).sum();
    }
}
