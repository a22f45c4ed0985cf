package dev.dermaguard.contract.events;

/** Fitzpatrick skin type; IV to VI scar and darken more easily after inflammation. */
public enum SkinType {
    I, II, III, IV, V, VI;

    public boolean proneToPigmentation() {
        return compareTo(IV) >= 0;
    }
}
