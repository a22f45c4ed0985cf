package dev.dermaguard.risk.rules;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.contract.events.Evidence;
import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.contract.events.SessionLogged;
import dev.dermaguard.contract.events.Setting;
import dev.dermaguard.contract.events.Severity;

/**
 * NEEDLING_INFLAMED_SKIN: a session on skin that has not healed, as the user saw it before the session
 * ({@code symptomsBefore}) or as an open PROLONGED_INFLAMMATION or INFECTION_SIGNS on that area says.
 */
@ApplicationScoped
public class NeedlingInflamedSkinRule implements SessionRule {

    /** The open findings that say the skin has not healed. */
    public static final Set<RuleName> UNHEALED = Set.of(RuleName.PROLONGED_INFLAMMATION, RuleName.INFECTION_SIGNS);

    @Override
    public List<Risk> evaluate(SessionFacts facts) {
        return evaluate(facts.session(), facts.openOnArea());
    }

    /** The rule alone, for a session judged again when a late check-in changed what was open on its area. */
    public List<Risk> evaluate(SessionLogged session, Set<RuleName> openOnArea) {
        if (session.settingOrHome() == Setting.CLINIC) {
            return List.of();
        }
        Set<String> signs = new TreeSet<>();
        if (session.symptomsBefore() != null) {
            session.symptomsBefore().forEach(s -> signs.add(s.name()));
        }
        openOnArea.stream().filter(UNHEALED::contains).forEach(r -> signs.add("open " + r.name()));
        if (signs.isEmpty()) {
            return List.of();
        }
        String observed = String.join(", ", signs);
        return List.of(new Risk(
                RuleName.NEEDLING_INFLAMED_SKIN,
                Severity.HIGH,
                "Needled skin that had not healed",
                "A session on " + session.area() + " while the skin showed " + observed
                        + "; needling inflamed or infected skin spreads infection and scars.",
                new Evidence(List.of(session.eventId()), observed, "no sign of inflammation"),
                null));
    }
}
