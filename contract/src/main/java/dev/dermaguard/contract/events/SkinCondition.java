package dev.dermaguard.contract.events;

/** What the user saw on the area before a session ({@code symptomsBefore}): any of them means unhealed skin. */
public enum SkinCondition {
    REDNESS, SWELLING, CRUSTING, ACTIVE_ACNE, OPEN_WOUND, COLD_SORE
}
