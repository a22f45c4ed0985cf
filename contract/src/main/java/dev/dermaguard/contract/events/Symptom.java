package dev.dermaguard.contract.events;

/** What a symptom check-in reports about an area after a session. */
public enum Symptom {
    REDNESS, SWELLING, ITCHING, PAIN, BUMPS, BLEEDING, TRACK_MARKS, DARK_PATCHES, PUS, WARMTH, SPREADING_REDNESS, FEVER
}
