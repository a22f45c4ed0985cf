package dev.dermaguard.contract.events;

/** Where on the body a session was performed; healing is tracked per area. */
public enum Area {
    FOREHEAD, CHEEKS, NOSE, CHIN, UPPER_LIP, UNDER_EYES, NECK, DECOLLETAGE, SCALP, HANDS, BODY
}
