package dev.dermaguard.contract.events;

/** The rules of rule set 1 (DESIGN.md, "Rules"). */
public enum RuleName {
    HEALING_GAP,
    OVERUSE,
    DEPTH_ABOVE_HOME_LIMIT,
    NEEDLING_INFLAMED_SKIN,
    PROLONGED_INFLAMMATION,
    INFECTION_SIGNS,
    PIGMENTATION,
    TECHNIQUE_DAMAGE,
    DEVICE_HYGIENE,
    INEFFECTIVE_FOR_GOAL
}
