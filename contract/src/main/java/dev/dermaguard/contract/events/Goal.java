package dev.dermaguard.contract.events;

public enum Goal {
    ACNE_SCARS, FINE_LINES, PIGMENTATION, TEXTURE, HAIR_LOSS
}
