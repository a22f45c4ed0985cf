package dev.dermaguard.risk.rules;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.contract.events.SessionLogged;
import dev.dermaguard.contract.events.SkinType;

/**
 * A session and the bounded slices of history the session rules judge it by. Every slice is a fixed time
 * window, a single neighbour or a capped count, so the cost of a rule does not grow with the user's history.
 *
 * @param previousOnArea the latest other session on the same area at or before this one
 * @param nextOnArea the earliest session on the same area after this one (present when this one came late)
 * @param onAreaAround sessions on the same area within the overuse window before and after this one, this
 *        one included, ordered by time
 * @param anyAreaAround sessions on any area within the needling-days window before and after this one, this
 *        one included, ordered by time
 * @param skinType this session's skin type, else the latest one the user reported before it
 * @param openOnArea the check-in findings that stood on this area when the session was performed, by reported
 *        times (raised since the area's last all-clear check-in before it)
 * @param shallowHomeSessions the user's home sessions at or below the shallow depth up to this one, counted
 *        only up to the rule's threshold
 */
public record SessionFacts(
        SessionLogged session,
        Optional<PastSession> previousOnArea,
        Optional<PastSession> nextOnArea,
        List<PastSession> onAreaAround,
        List<PastSession> anyAreaAround,
        Optional<SkinType> skinType,
        Set<RuleName> openOnArea,
        long shallowHomeSessions) {

    public PastSession asPast() {
        return new PastSession(session.eventId(), session.performedAt(), session.area(), session.needleDepthMm(),
                session.settingOrHome(), session.skinType());
    }

    public boolean atHome() {
        return asPast().atHome();
    }
}
