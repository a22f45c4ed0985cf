package dev.dermaguard.risk.rules;

import java.util.List;
import java.util.Optional;

import dev.dermaguard.common.events.SessionLogged;

/**
 * A session and the bounded slices of history the session rules judge it by. Every slice is a fixed time
 * window or a single neighbour, so the cost of a rule does not grow with the user's history.
 *
 * @param previousOnArea the latest other session on the same area at or before this one
 * @param nextOnArea the earliest session on the same area after this one (present when this one came late)
 * @param onAreaAround sessions on the same area within the overuse window before and after this one, this
 *        one included, ordered by time
 * @param anyAreaAround sessions on any area within the needling-days window before and after this one, this
 *        one included, ordered by time
 */
public record SessionFacts(
        SessionLogged session,
        Optional<PastSession> previousOnArea,
        Optional<PastSession> nextOnArea,
        List<PastSession> onAreaAround,
        List<PastSession> anyAreaAround) {

    public PastSession asPast() {
        return new PastSession(session.eventId(), session.performedAt(), session.area(), session.needleDepthMm(),
                session.settingOrHome());
    }
}
