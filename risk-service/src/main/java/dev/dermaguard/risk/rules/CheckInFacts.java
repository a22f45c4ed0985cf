package dev.dermaguard.risk.rules;

import java.time.Duration;
import java.util.Optional;

import dev.dermaguard.contract.events.Symptom;
import dev.dermaguard.contract.events.SymptomCheckIn;
import dev.dermaguard.contract.events.SkinType;

/**
 * A check-in and the session it follows: the latest session on that area at or before {@code reportedAt},
 * whenever either arrived.
 *
 * @param skinType the followed session's skin type, else the latest one the user reported before the check-in
 */
public record CheckInFacts(SymptomCheckIn checkIn, Optional<PastSession> followed, Optional<SkinType> skinType) {

    public boolean reports(Symptom symptom) {
        return checkIn.symptoms() != null && checkIn.symptoms().contains(symptom);
    }

    public boolean allClear() {
        return checkIn.symptoms() == null || checkIn.symptoms().isEmpty();
    }

    /** How long after the followed session the check-in was reported. */
    public Optional<Duration> sinceSession() {
        return followed.map(s -> Duration.between(s.performedAt(), checkIn.reportedAt()));
    }

    /** The followed session, if it lies within the half-open window {@code (reportedAt - window, reportedAt]}. */
    public Optional<PastSession> sessionWithin(Duration window) {
        return followed.filter(s -> Duration.between(s.performedAt(), checkIn.reportedAt()).compareTo(window) < 0);
    }
}
