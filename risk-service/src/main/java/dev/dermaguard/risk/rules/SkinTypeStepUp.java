package dev.dermaguard.risk.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.contract.events.SkinType;

/**
 * The second half of PIGMENTATION: skin types IV to VI darken after inflammation, so the rules whose harm is
 * inflammation are raised one step for them, never above HIGH.
 */
final class SkinTypeStepUp {

    static final Set<RuleName> RAISED = EnumSet.of(RuleName.HEALING_GAP, RuleName.OVERUSE,
            RuleName.DEPTH_ABOVE_HOME_LIMIT, RuleName.PROLONGED_INFLAMMATION);

    private SkinTypeStepUp() {
    }

    static List<Risk> apply(List<Risk> risks, Optional<SkinType> skinType) {
        if (skinType.isEmpty() || !skinType.get().proneToPigmentation()) {
            return risks;
        }
        return risks.stream().map(risk -> raise(risk, skinType.get())).toList();
    }

    private static Risk raise(Risk risk, SkinType skinType) {
        if (!RAISED.contains(risk.rule()) || risk.severity().raisedOneStepBelowCritical() == risk.severity()) {
            return risk;
        }
        return new Risk(risk.rule(), risk.severity().raisedOneStepBelowCritical(), risk.summary(),
                risk.detail() + " Raised from " + risk.severity() + ": skin type " + skinType
                        + " darkens easily after inflammation.",
                risk.evidence(), risk.nextSafeSessionAt());
    }
}
